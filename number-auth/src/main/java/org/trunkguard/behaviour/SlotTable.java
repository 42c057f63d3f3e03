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
    private final Layout layout;

    /**
     * What the records of a table mean: a detector's window shapes (how its ints are cut into
     * buckets) and the table's dimensions. Two tables with equal layouts hold interchangeable state.
     */
    private record Layout(Object shapes, int longsPerSlot, int intsPerSlot, long maxEntries, long idleMillis) {
    }

    /**
     * @param longsPerSlot longs a detector needs per key
     * @param intsPerSlot  ints a detector needs per key
     * @param maxEntries   keys held at most, over all stripes
     * @param idleMillis   a record untouched this long is expired
     */
    SlotTable(int longsPerSlot, int intsPerSlot, long maxEntries, long idleMillis) {
        this(new Layout(null, longsPerSlot, intsPerSlot, maxEntries, idleMillis));
    }

    private SlotTable(Layout layout) {
        this.layout = layout;
        int longsPerSlot = layout.longsPerSlot();
        int intsPerSlot = layout.intsPerSlot();
        long maxEntries = layout.maxEntries();
        long idleMillis = layout.idleMillis();
        int maxPerStripe = (int) Math.min(1 << 28, Math.max(4, (maxEntries + STRIPES - 1) / STRIPES));
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new SlotStripe(longsPerSlot, intsPerSlot, maxPerStripe, idleMillis);
        }
    }

    /**
     * {@code previous} itself when its layout is the one asked for, else a new empty table: a
     * detector rebuilt by a reload with the same windows keeps counting where the old one was,
     * while one whose windows changed starts afresh (old counts would mean something else).
     *
     * @param shapes the detector's window shapes, compared with {@code equals}
     */
    static SlotTable reuseOrNew(SlotTable previous, Object shapes, int longsPerSlot, int intsPerSlot, long maxEntries,
            long idleMillis) {
        Layout wanted = new Layout(shapes, longsPerSlot, intsPerSlot, maxEntries, idleMillis);
        return previous != null && previous.layout.equals(wanted) ? previous : new SlotTable(wanted);
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
