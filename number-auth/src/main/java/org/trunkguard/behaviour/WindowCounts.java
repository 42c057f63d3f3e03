package org.trunkguard.behaviour;

/**
 * Several counters over one sliding window, kept as a ring of time buckets in one {@code int[]}
 * (channel-major) with one head: a per-number state costs one small array, not one object per
 * counter. The window is exact to one bucket (it may include up to one bucket's worth of older
 * events). Not thread-safe: the owning state object guards it.
 *
 * <p>Late events (the proxy may report them out of order across threads) land in their own
 * bucket while it is inside the window, and are dropped when it is not; negative adds let an
 * event taken back (an attempt that turned into a conversation) leave the window with it.
 */
final class WindowCounts {

    private final int[] counts;
    private long headSlot = Long.MIN_VALUE;

    WindowCounts(WindowShape shape) {
        counts = new int[shape.channels() * shape.buckets()];
    }

    /** Adds {@code delta} to {@code channel} at {@code atMillis}. */
    void add(WindowShape shape, int channel, long atMillis, int delta) {
        long slot = atMillis / shape.bucketMillis();
        advance(shape, slot);
        if (headSlot - slot >= shape.buckets()) {
            return;
        }
        counts[channel * shape.buckets() + (int) Math.floorMod(slot, (long) shape.buckets())] += delta;
    }

    /** The sum of {@code channel} over the window ending at {@code atMillis}. */
    int sum(WindowShape shape, int channel, long atMillis) {
        advance(shape, atMillis / shape.bucketMillis());
        int total = 0;
        int base = channel * shape.buckets();
        for (int i = 0; i < shape.buckets(); i++) {
            total += counts[base + i];
        }
        return total;
    }

    private void advance(WindowShape shape, long slot) {
        if (slot <= headSlot) {
            return;
        }
        int buckets = shape.buckets();
        if (headSlot == Long.MIN_VALUE || slot - headSlot >= buckets) {
            java.util.Arrays.fill(counts, 0);
        } else {
            for (long s = headSlot + 1; s <= slot; s++) {
                int index = (int) Math.floorMod(s, (long) buckets);
                for (int c = 0; c < shape.channels(); c++) {
                    counts[c * buckets + index] = 0;
                }
            }
        }
        headSlot = slot;
    }
}
