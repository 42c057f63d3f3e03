package org.trunkguard.behaviour;

/**
 * One stripe of a {@link CallTable}: calls by Call-ID hash, open addressing with linear probing
 * and backward-shift deletion; every method requires the caller to hold its monitor.
 */
final class CallStripe {

    private static final int SWEEP_PER_PUT = 2;
    private static final int EVICTION_SAMPLE = 8;
    private static final int INITIAL_CAPACITY = 16;

    private final int maxLive;
    private final int maxCapacity;
    private final long idleMillis;
    private long[] hashes = new long[INITIAL_CAPACITY];
    private long[] touched = new long[INITIAL_CAPACITY];
    private TrackedCall[] calls = new TrackedCall[INITIAL_CAPACITY];
    private int live;
    private int sweepCursor;

    CallStripe(int maxLive, long idleMillis) {
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

    int live() {
        return live;
    }

    TrackedCall callAt(int slot) {
        return calls[slot];
    }

    /** Records an event of the call in {@code slot} at {@code now}. */
    void touch(int slot, long now) {
        touched[slot] = Math.max(now, touched[slot]);
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
