package org.trunkguard.behaviour;

/**
 * One stripe of a {@link SlotTable}: an open-addressing table with linear probing and
 * backward-shift deletion; every method requires the caller to hold its monitor. The key and
 * the last-touched time of a slot sit side by side in {@code entries}, so probing, expiry and
 * eviction read one array; the detector's fields are in {@code longs} and {@code ints}.
 */
final class SlotStripe {

    static final int EVICTION_SAMPLE = 8;
    private static final int INITIAL_CAPACITY = 16;
    private static final long EMPTY = 0;

    final int longWidth;
    final int intWidth;
    private final int maxLive;
    private final int maxCapacity;
    private final long idleMillis;
    /** Per slot: the key at 2 × slot, the time it was last touched at 2 × slot + 1. */
    private long[] entries = new long[2 * INITIAL_CAPACITY];
    long[] longs;
    int[] ints;
    private int live;

    SlotStripe(int longWidth, int intWidth, int maxLive, long idleMillis) {
        this.longWidth = longWidth;
        this.intWidth = intWidth;
        this.maxLive = maxLive;
        this.idleMillis = idleMillis;
        this.maxCapacity = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, maxLive * 4 / 3 - 1)) << 1);
        this.longs = new long[INITIAL_CAPACITY * longWidth];
        this.ints = new int[INITIAL_CAPACITY * intWidth];
    }

    /** Keys held, expired ones included until they are dropped. */
    int live() {
        return live;
    }

    int longBase(int slot) {
        return slot * longWidth;
    }

    int intBase(int slot) {
        return slot * intWidth;
    }

    /** The slot of {@code key}, or -1 if it is not held or has expired by {@code now}. */
    int find(long key, long now) {
        long k = storedKey(key);
        int mask = capacity() - 1;
        for (int i = home(k, mask); ; i = (i + 1) & mask) {
            long at = entries[2 * i];
            if (at == k) {
                return expired(i, now) ? -1 : i;
            }
            if (at == EMPTY) {
                return -1;
            }
        }
    }

    /**
     * The slot of {@code key}, touched at {@code now}; a new or expired record is zeroed
     * first. May grow the stripe or evict another key.
     */
    int claim(long key, long now) {
        long k = storedKey(key);
        int slot = probe(k);
        if (entries[2 * slot] == k) {
            if (expired(slot, now)) {
                clear(slot);
            }
        } else {
            if (live >= maxLive) {
                evictNear(home(k, capacity() - 1));
            } else if ((live + 1) * 4L > capacity() * 3L) {
                rehash(now);
            }
            slot = probe(k);
            entries[2 * slot] = k;
            entries[2 * slot + 1] = now;
            clear(slot);
            live++;
        }
        entries[2 * slot + 1] = Math.max(now, entries[2 * slot + 1]);
        return slot;
    }

    private int capacity() {
        return entries.length >> 1;
    }

    private boolean expired(int slot, long now) {
        return now - entries[2 * slot + 1] > idleMillis;
    }

    private void clear(int slot) {
        java.util.Arrays.fill(longs, slot * longWidth, (slot + 1) * longWidth, 0);
        java.util.Arrays.fill(ints, slot * intWidth, (slot + 1) * intWidth, 0);
    }

    /** The slot holding {@code k}, or the empty slot where it would go. */
    private int probe(long k) {
        int mask = capacity() - 1;
        int i = home(k, mask);
        while (entries[2 * i] != k && entries[2 * i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Drops the least recently touched of the occupied slots from {@code start} on. */
    private void evictNear(int start) {
        int mask = capacity() - 1;
        int victim = -1;
        long oldest = Long.MAX_VALUE;
        int seen = 0;
        int sample = Math.min(EVICTION_SAMPLE, live);
        for (int i = start; seen < sample; i = (i + 1) & mask) {
            if (entries[2 * i] != EMPTY) {
                seen++;
                long touched = entries[2 * i + 1];
                if (touched < oldest) {
                    oldest = touched;
                    victim = i;
                }
            }
        }
        delete(victim);
    }

    /** Removes the key in {@code slot}, shifting back the keys after it (no tombstones). */
    private void delete(int slot) {
        int mask = capacity() - 1;
        int hole = slot;
        for (int i = (slot + 1) & mask; entries[2 * i] != EMPTY; i = (i + 1) & mask) {
            int wanted = home(entries[2 * i], mask);
            // Move i into the hole unless its home lies cyclically in (hole, i].
            boolean stays = hole <= i ? (hole < wanted && wanted <= i) : (hole < wanted || wanted <= i);
            if (!stays) {
                move(i, hole);
                hole = i;
            }
        }
        entries[2 * hole] = EMPTY;
        live--;
    }

    private void move(int from, int to) {
        entries[2 * to] = entries[2 * from];
        entries[2 * to + 1] = entries[2 * from + 1];
        System.arraycopy(longs, from * longWidth, longs, to * longWidth, longWidth);
        System.arraycopy(ints, from * intWidth, ints, to * intWidth, intWidth);
    }

    /**
     * Drops expired records, in place; doubles the capacity only if the live ones still
     * fill half of it, so a stripe at its working size allocates nothing.
     */
    private void rehash(long now) {
        for (int i = 0; i < capacity(); i++) {
            while (entries[2 * i] != EMPTY && expired(i, now)) {
                delete(i);
            }
        }
        int capacity = capacity();
        while ((live + 1) * 2L > capacity && capacity < maxCapacity) {
            capacity <<= 1;
        }
        if (capacity == capacity()) {
            return;
        }
        long[] oldEntries = entries;
        long[] oldLongs = longs;
        int[] oldInts = ints;
        entries = new long[2 * capacity];
        longs = new long[capacity * longWidth];
        ints = new int[capacity * intWidth];
        for (int i = 0; i < oldEntries.length / 2; i++) {
            long k = oldEntries[2 * i];
            if (k != EMPTY) {
                int slot = probe(k);
                entries[2 * slot] = k;
                entries[2 * slot + 1] = oldEntries[2 * i + 1];
                System.arraycopy(oldLongs, i * longWidth, longs, slot * longWidth, longWidth);
                System.arraycopy(oldInts, i * intWidth, ints, slot * intWidth, intWidth);
            }
        }
    }

    private static long storedKey(long key) {
        return key == EMPTY ? 1 : key;
    }

    private static int home(long k, int mask) {
        return (int) SlotTable.spread(k) & mask;
    }
}
