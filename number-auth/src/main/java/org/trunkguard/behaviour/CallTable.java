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
    private static final int SWEEP_PER_PUT = 2;
    private static final int EVICTION_SAMPLE = 8;
    private static final int INITIAL_CAPACITY = 16;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final Consumer<TrackedCall> forgotten;

    /**
     * @param maxCalls   calls held at most
     * @param idleMillis a call without an event for this long is forgotten
     * @param forgotten  told of every call dropped by expiry or eviction (never of removed ones);
     *                   called on the inserting or looking-up thread, outside the table's locks
     */
    CallTable(long maxCalls, long idleMillis, Consumer<TrackedCall> forgotten) {
        this.forgotten = forgotten;
        int maxPerStripe = (int) Math.min(1 << 28, Math.max(4, (maxCalls + STRIPES - 1) / STRIPES));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(maxPerStripe, idleMillis);
        }
    }

    /** Adds {@code call} under its Call-ID at {@code now}, replacing a call with the same id. */
    void put(TrackedCall call, long now) {
        long hash = hash(call.attempt.callId());
        Stripe stripe = stripes[(int) (hash >>> 58)];
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
        Stripe stripe = stripes[(int) (hash >>> 58)];
        TrackedCall expired;
        synchronized (stripe) {
            int slot = stripe.find(hash, callId);
            if (slot < 0) {
                return null;
            }
            if (!stripe.expired(slot, now)) {
                stripe.touched[slot] = Math.max(now, stripe.touched[slot]);
                return stripe.calls[slot];
            }
            expired = stripe.calls[slot];
            stripe.delete(slot);
        }
        forget(expired);
        return null;
    }

    /** Removes the call with {@code callId}; its end was seen, so nobody is told. */
    void remove(String callId) {
        long hash = hash(callId);
        Stripe stripe = stripes[(int) (hash >>> 58)];
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
        for (Stripe stripe : stripes) {
            TrackedCall expired;
            do {
                synchronized (stripe) {
                    expired = stripe.takeExpired(now);
                    if (expired == null) {
                        size += stripe.live;
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

    /** One open-addressing table of calls; every method requires its monitor. */
    private static final class Stripe {

        private final int maxLive;
        private final int maxCapacity;
        private final long idleMillis;
        private long[] hashes = new long[INITIAL_CAPACITY];
        private long[] touched = new long[INITIAL_CAPACITY];
        private TrackedCall[] calls = new TrackedCall[INITIAL_CAPACITY];
        private int live;
        private int sweepCursor;

        Stripe(int maxLive, long idleMillis) {
            this.maxLive = maxLive;
            this.idleMillis = idleMillis;
            this.maxCapacity = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, maxLive * 4 / 3 - 1)) << 1);
        }

        int find(long hash, String callId) {
            int mask = hashes.length - 1;
            for (int i = (int) hash & mask; hashes[i] != 0; i = (i + 1) & mask) {
                if (hashes[i] == hash && calls[i].attempt.callId().equals(callId)) {
                    return i;
                }
            }
            return -1;
        }

        boolean expired(int slot, long now) {
            return now - touched[slot] > idleMillis;
        }

        /** Adds the call; returns a call it had to drop to make room (or replaced), or null. */
        TrackedCall put(long hash, TrackedCall call, long now) {
            TrackedCall dropped = null;
            int existing = find(hash, call.attempt.callId());
            if (existing >= 0) {
                dropped = calls[existing];
                delete(existing);
            } else if (live >= maxLive) {
                int victim = oldestNear((int) hash & (hashes.length - 1));
                dropped = calls[victim];
                delete(victim);
            } else if ((live + 1) * 4L > hashes.length * 3L && hashes.length < maxCapacity) {
                grow();
            }
            int mask = hashes.length - 1;
            int i = (int) hash & mask;
            while (hashes[i] != 0) {
                i = (i + 1) & mask;
            }
            hashes[i] = hash;
            touched[i] = now;
            calls[i] = call;
            live++;
            return dropped;
        }

        /** Looks at the next few slots; removes and returns one expired call, if any. */
        TrackedCall sweepSome(long now) {
            for (int n = 0; n < SWEEP_PER_PUT; n++) {
                int i = sweepCursor = (sweepCursor + 1) & (hashes.length - 1);
                if (hashes[i] != 0 && expired(i, now)) {
                    TrackedCall call = calls[i];
                    delete(i);
                    return call;
                }
            }
            return null;
        }

        /** Removes and returns one expired call, or null when none is left. */
        TrackedCall takeExpired(long now) {
            for (int i = 0; i < hashes.length; i++) {
                if (hashes[i] != 0 && expired(i, now)) {
                    TrackedCall call = calls[i];
                    delete(i);
                    return call;
                }
            }
            return null;
        }

        private int oldestNear(int start) {
            int mask = hashes.length - 1;
            int victim = -1;
            long oldest = Long.MAX_VALUE;
            int seen = 0;
            for (int i = start; seen < Math.min(EVICTION_SAMPLE, live); i = (i + 1) & mask) {
                if (hashes[i] != 0) {
                    seen++;
                    if (touched[i] < oldest) {
                        oldest = touched[i];
                        victim = i;
                    }
                }
            }
            return victim;
        }

        /** Removes the call in {@code slot}, shifting back the ones after it. */
        void delete(int slot) {
            int mask = hashes.length - 1;
            int hole = slot;
            for (int i = (slot + 1) & mask; hashes[i] != 0; i = (i + 1) & mask) {
                int wanted = (int) hashes[i] & mask;
                boolean stays = hole <= i ? (hole < wanted && wanted <= i) : (hole < wanted || wanted <= i);
                if (!stays) {
                    hashes[hole] = hashes[i];
                    touched[hole] = touched[i];
                    calls[hole] = calls[i];
                    hole = i;
                }
            }
            hashes[hole] = 0;
            calls[hole] = null;
            live--;
        }

        private void grow() {
            long[] oldHashes = hashes;
            long[] oldTouched = touched;
            TrackedCall[] oldCalls = calls;
            int capacity = oldHashes.length << 1;
            hashes = new long[capacity];
            touched = new long[capacity];
            calls = new TrackedCall[capacity];
            int mask = capacity - 1;
            for (int j = 0; j < oldHashes.length; j++) {
                if (oldHashes[j] != 0) {
                    int i = (int) oldHashes[j] & mask;
                    while (hashes[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    hashes[i] = oldHashes[j];
                    touched[i] = oldTouched[j];
                    calls[i] = oldCalls[j];
                }
            }
        }
    }
}
