package org.trunkguard.behaviour;

/**
 * Per-number detector state as fixed-width records in primitive arrays: a {@code long} key (a
 * {@link NumberKey} or a mix of two) maps to a slot of {@code longsPerSlot} longs and
 * {@code intsPerSlot} ints. No object per number, no boxing, no allocation once a stripe has
 * grown: the hot path of a detector is one probe and a few array writes.
 *
 * <p>The keys are spread over {@value #STRIPES} stripes, each an open-addressing table with
 * linear probing and its own monitor, so event loops rarely meet. A stripe starts small and
 * doubles up to the share of {@code maxEntries} it may hold; then the least recently touched
 * of the {@value Stripe#EVICTION_SAMPLE} slots from a new key's home makes room (sampled LRU:
 * quiet numbers go first, a busy abuser is touched on every call and stays). A record not
 * touched for {@code idleMillis} counts as expired: its stripe drops it when it grows, and a
 * key that comes back after that starts from zero.
 *
 * <p>Usage, always under the stripe's monitor and re-reading the arrays after {@code claim}
 * (a stripe may have grown):
 * <pre>{@code
 * SlotTable.Stripe stripe = table.stripe(key);
 * synchronized (stripe) {
 *     int slot = stripe.claim(key, now);
 *     stripe.ints[stripe.intBase(slot) + COUNT]++;
 * }
 * }</pre>
 */
final class SlotTable {

    static final int STRIPES = 64;
    /** Index of the last-touched time in every slot's longs; detectors use the ones after it. */
    static final int TOUCHED = 0;

    private final Stripe[] stripes = new Stripe[STRIPES];

    /**
     * @param longsPerSlot longs a detector needs per key (one more is added for the touch time)
     * @param intsPerSlot  ints a detector needs per key
     * @param maxEntries   keys held at most, over all stripes
     * @param idleMillis   a record untouched this long is expired
     */
    SlotTable(int longsPerSlot, int intsPerSlot, long maxEntries, long idleMillis) {
        int maxPerStripe = (int) Math.min(1 << 28, Math.max(4, (maxEntries + STRIPES - 1) / STRIPES));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(longsPerSlot + 1, intsPerSlot, maxPerStripe, idleMillis);
        }
    }

    /** The stripe that holds {@code key}. */
    Stripe stripe(long key) {
        return stripes[(int) (spread(key) >>> 58)];
    }

    /** Keys held now, expired ones included until their stripe drops them. */
    long size() {
        long size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.live;
            }
        }
        return size;
    }

    static long spread(long key) {
        return NumberKey.mix(key, 0x5DEECE66DL);
    }

    /** One open-addressing table; every method requires the caller to hold its monitor. */
    static final class Stripe {

        static final int EVICTION_SAMPLE = 16;
        private static final int INITIAL_CAPACITY = 16;
        private static final long EMPTY = 0;

        final int longWidth;
        final int intWidth;
        private final int maxLive;
        private final int maxCapacity;
        private final long idleMillis;
        private long[] keys = new long[INITIAL_CAPACITY];
        long[] longs;
        int[] ints;
        private int live;

        Stripe(int longWidth, int intWidth, int maxLive, long idleMillis) {
            this.longWidth = longWidth;
            this.intWidth = intWidth;
            this.maxLive = maxLive;
            this.idleMillis = idleMillis;
            this.maxCapacity = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, maxLive * 4 / 3 - 1)) << 1);
            this.longs = new long[INITIAL_CAPACITY * longWidth];
            this.ints = new int[INITIAL_CAPACITY * intWidth];
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
            int mask = keys.length - 1;
            for (int i = home(k, mask); ; i = (i + 1) & mask) {
                long at = keys[i];
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
            if (keys[slot] == k) {
                if (expired(slot, now)) {
                    clear(slot);
                }
            } else {
                if (live >= maxLive) {
                    evictNear(home(k, keys.length - 1), now);
                } else if ((live + 1) * 4L > keys.length * 3L) {
                    rehash(now);
                }
                slot = probe(k);
                keys[slot] = k;
                clear(slot);
                live++;
            }
            longs[slot * longWidth + TOUCHED] = Math.max(now, longs[slot * longWidth + TOUCHED]);
            return slot;
        }

        private boolean expired(int slot, long now) {
            return now - longs[slot * longWidth + TOUCHED] > idleMillis;
        }

        private void clear(int slot) {
            java.util.Arrays.fill(longs, slot * longWidth, (slot + 1) * longWidth, 0);
            java.util.Arrays.fill(ints, slot * intWidth, (slot + 1) * intWidth, 0);
        }

        /** The slot holding {@code k}, or the empty slot where it would go. */
        private int probe(long k) {
            int mask = keys.length - 1;
            int i = home(k, mask);
            while (keys[i] != k && keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** Drops the least recently touched of the occupied slots from {@code start} on. */
        private void evictNear(int start, long now) {
            int mask = keys.length - 1;
            int victim = -1;
            long oldest = Long.MAX_VALUE;
            int seen = 0;
            int sample = Math.min(EVICTION_SAMPLE, live);
            for (int i = start; seen < sample; i = (i + 1) & mask) {
                if (keys[i] != EMPTY) {
                    seen++;
                    long touched = longs[i * longWidth + TOUCHED];
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
            int mask = keys.length - 1;
            int hole = slot;
            for (int i = (slot + 1) & mask; keys[i] != EMPTY; i = (i + 1) & mask) {
                int wanted = home(keys[i], mask);
                // Move i into the hole unless its home lies cyclically in (hole, i].
                boolean stays = hole <= i ? (hole < wanted && wanted <= i) : (hole < wanted || wanted <= i);
                if (!stays) {
                    move(i, hole);
                    hole = i;
                }
            }
            keys[hole] = EMPTY;
            live--;
        }

        private void move(int from, int to) {
            keys[to] = keys[from];
            System.arraycopy(longs, from * longWidth, longs, to * longWidth, longWidth);
            System.arraycopy(ints, from * intWidth, ints, to * intWidth, intWidth);
        }

        /**
         * Drops expired records, in place; doubles the capacity only if the live ones still
         * fill half of it, so a stripe at its working size allocates nothing.
         */
        private void rehash(long now) {
            for (int i = 0; i < keys.length; i++) {
                while (keys[i] != EMPTY && now - longs[i * longWidth + TOUCHED] > idleMillis) {
                    delete(i);
                }
            }
            int capacity = keys.length;
            while ((live + 1) * 2L > capacity && capacity < maxCapacity) {
                capacity <<= 1;
            }
            if (capacity == keys.length) {
                return;
            }
            long[] oldKeys = keys;
            long[] oldLongs = longs;
            int[] oldInts = ints;
            keys = new long[capacity];
            longs = new long[capacity * longWidth];
            ints = new int[capacity * intWidth];
            for (int i = 0; i < oldKeys.length; i++) {
                long k = oldKeys[i];
                if (k != EMPTY) {
                    int slot = probe(k);
                    keys[slot] = k;
                    System.arraycopy(oldLongs, i * longWidth, longs, slot * longWidth, longWidth);
                    System.arraycopy(oldInts, i * intWidth, ints, slot * intWidth, intWidth);
                }
            }
        }

        private static long storedKey(long key) {
            return key == EMPTY ? 1 : key;
        }

        private static int home(long k, int mask) {
            return (int) spread(k) & mask;
        }
    }
}
