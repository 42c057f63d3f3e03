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
 * of the {@value SlotStripe#EVICTION_SAMPLE} keys from a new key's home makes room (sampled LRU:
 * quiet numbers go first, a busy abuser is touched on every call and stays). A record not
 * touched for {@code idleMillis} counts as expired: its stripe drops it when it grows, and a
 * key that comes back after that starts from zero.
 *
 * <p>Usage, always under the stripe's monitor and re-reading the arrays after {@code claim}
 * (a stripe may have grown):
 * <pre>{@code
 * SlotStripe stripe = table.stripe(key);
 * synchronized (stripe) {
 *     int slot = stripe.claim(key, now);
 *     stripe.ints[stripe.intBase(slot) + COUNT]++;
 * }
 * }</pre>
 */
final class SlotTable {

    static final int STRIPES = 64;
    private final SlotStripe[] stripes = new SlotStripe[STRIPES];

    /**
     * @param longsPerSlot longs a detector needs per key
     * @param intsPerSlot  ints a detector needs per key
     * @param maxEntries   keys held at most, over all stripes
     * @param idleMillis   a record untouched this long is expired
     */
    SlotTable(int longsPerSlot, int intsPerSlot, long maxEntries, long idleMillis) {
        int maxPerStripe = (int) Math.min(1 << 28, Math.max(4, (maxEntries + STRIPES - 1) / STRIPES));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new SlotStripe(longsPerSlot, intsPerSlot, maxPerStripe, idleMillis);
        }
    }

    /** The stripe that holds {@code key}. */
    SlotStripe stripe(long key) {
        return stripes[(int) (spread(key) >>> 58)];
    }

    /** Keys held now, expired ones included until their stripe drops them. */
    long size() {
        long size = 0;
        for (SlotStripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.live();
            }
        }
        return size;
    }

    static long spread(long key) {
        return NumberKey.mix(key, 0x5DEECE66DL);
    }
}
