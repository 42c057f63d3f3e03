package org.trunkguard.behaviour;

import java.util.function.Consumer;

/**
 * The calls in progress, by Call-ID: bounded, expiring after {@code idleMillis} without an
 * event, and telling the guard about every call it drops without an explicit removal (lost
 * BYE, full table) so the call's concurrency slot is released. Striped open addressing on a
 * 64-bit hash of the Call-ID, with the call itself checked on lookup, so a hash collision
 * never mixes two calls; adding a call allocates nothing once a stripe has grown.
 *
 * <p>Expired calls leave as they are met: on lookup, on growth, by a sweep of two slots per
 * insert, and by {@link #sweep(long)} (the guard's size query), so a quiet table still
 * releases its lost calls.
 */
final class CallTable {

    private static final int STRIPES = 64;

    private final CallStripe[] stripes = new CallStripe[STRIPES];
    private final long maxCalls;
    private final long idleMillis;
    /** Replaced when a reloaded guard takes the table over, so the new detectors release forgotten calls. */
    private volatile Consumer<TrackedCall> forgotten;

    /**
     * @param maxCalls   calls held at most
     * @param idleMillis a call without an event for this long is forgotten
     * @param forgotten  told of every call dropped by expiry or eviction (never of removed ones);
     *                   called on the inserting or looking-up thread, outside the table's locks
     */
    CallTable(long maxCalls, long idleMillis, Consumer<TrackedCall> forgotten) {
        this.forgotten = forgotten;
        this.maxCalls = maxCalls;
        this.idleMillis = idleMillis;
        int maxPerStripe = (int) Math.min(1 << 28, Math.max(4, (maxCalls + STRIPES - 1) / STRIPES));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new CallStripe(maxPerStripe, idleMillis);
        }
    }

    /**
     * {@code previous} with its forgotten calls now told to {@code forgotten}, when it has the
     * same bounds; else a new empty table. A guard rebuilt by a reload keeps following the calls
     * in progress (their ends release concurrency) instead of losing sight of them.
     */
    static CallTable reuseOrNew(CallTable previous, long maxCalls, long idleMillis, Consumer<TrackedCall> forgotten) {
        if (previous != null && previous.maxCalls == maxCalls && previous.idleMillis == idleMillis) {
            previous.forgotten = forgotten;
            return previous;
        }
        return new CallTable(maxCalls, idleMillis, forgotten);
    }

    /** Adds {@code call} under its Call-ID at {@code now}, replacing a call with the same id. */
    void put(TrackedCall call, long now) {
        long hash = hash(call.attempt.callId());
        CallStripe stripe = stripes[(int) (hash >>> 58)];
        TrackedCall dropped;
        TrackedCall swept;
        synchronized (stripe) {
            dropped = stripe.put(hash, call, now);
            swept = stripe.sweepSome(now);
        }
        forget(dropped);
        forget(swept);
    }

    /** The call with {@code callId}, touched at {@code now}; null if unknown or expired. */
    TrackedCall get(String callId, long now) {
        long hash = hash(callId);
        CallStripe stripe = stripes[(int) (hash >>> 58)];
        TrackedCall expired;
        synchronized (stripe) {
            int slot = stripe.find(hash, callId);
            if (slot < 0) {
                return null;
            }
            if (!stripe.expired(slot, now)) {
                stripe.touch(slot, now);
                return stripe.callAt(slot);
            }
            expired = stripe.callAt(slot);
            stripe.delete(slot);
        }
        forget(expired);
        return null;
    }

    /** Removes the call with {@code callId}; its end was seen, so nobody is told. */
    void remove(String callId) {
        long hash = hash(callId);
        CallStripe stripe = stripes[(int) (hash >>> 58)];
        synchronized (stripe) {
            int slot = stripe.find(hash, callId);
            if (slot >= 0) {
                stripe.delete(slot);
            }
        }
    }

    /** Forgets every expired call, then returns the calls held. */
    long sweep(long now) {
        long size = 0;
        for (CallStripe stripe : stripes) {
            TrackedCall expired;
            do {
                synchronized (stripe) {
                    expired = stripe.takeExpired(now);
                    if (expired == null) {
                        size += stripe.live();
                    }
                }
                forget(expired);
            } while (expired != null);
        }
        return size;
    }

    private void forget(TrackedCall call) {
        if (call != null && call.finish()) {
            forgotten.accept(call);
        }
    }

    private static long hash(String callId) {
        long hash = NumberKey.hashOf(callId);
        return hash == 0 ? 1 : hash;
    }
}
