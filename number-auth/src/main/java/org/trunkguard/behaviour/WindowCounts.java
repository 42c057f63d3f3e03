package org.trunkguard.behaviour;

import java.util.Arrays;

/**
 * Several counters over one sliding window, kept as a ring of time buckets in a run of ints
 * (channel-major) with one head: a per-number state costs a few ints, not one object per
 * counter. The window is exact to one bucket (it may include up to one bucket's worth of older
 * events). Not thread-safe: the owner guards it.
 *
 * <p>The static methods work on a record inside shared arrays (a {@link SlotTable} slot: ints
 * from {@code base}, the head in {@code heads[head]}), so detectors keep no object per number;
 * an instance owns its own arrays (tests, single counters). A zeroed record is an empty window.
 *
 * <p>Late events (the proxy may report them out of order across threads) land in their own
 * bucket while it is inside the window, and are dropped when it is not; negative adds let an
 * event taken back (an attempt that turned into a conversation) leave the window with it.
 */
final class WindowCounts {

    private final int[] counts;
    private final long[] head = new long[1];

    WindowCounts(WindowShape shape) {
        counts = new int[shape.channels() * shape.buckets()];
    }

    /** Adds {@code delta} to {@code channel} at {@code atMillis}. */
    void add(WindowShape shape, int channel, long atMillis, int delta) {
        add(shape, counts, 0, head, 0, channel, atMillis, delta);
    }

    /** The sum of {@code channel} over the window ending at {@code atMillis}. */
    int sum(WindowShape shape, int channel, long atMillis) {
        return sum(shape, counts, 0, head, 0, channel, atMillis);
    }

    /** Adds {@code delta} to {@code channel} of the record at {@code base} / {@code heads[head]}. */
    static void add(WindowShape shape, int[] counts, int base, long[] heads, int head, int channel, long atMillis,
            int delta) {
        long slot = atMillis / shape.bucketMillis();
        advance(shape, counts, base, heads, head, slot);
        if (heads[head] - slot >= shape.buckets()) {
            return;
        }
        counts[base + channel * shape.buckets() + (int) Math.floorMod(slot, (long) shape.buckets())] += delta;
    }

    /** The sum of {@code channel} of the record over the window ending at {@code atMillis}. */
    static int sum(WindowShape shape, int[] counts, int base, long[] heads, int head, int channel, long atMillis) {
        advance(shape, counts, base, heads, head, atMillis / shape.bucketMillis());
        int total = 0;
        int from = base + channel * shape.buckets();
        for (int i = 0; i < shape.buckets(); i++) {
            total += counts[from + i];
        }
        return total;
    }

    private static void advance(WindowShape shape, int[] counts, int base, long[] heads, int head, long slot) {
        long headSlot = heads[head];
        if (slot <= headSlot) {
            return;
        }
        int buckets = shape.buckets();
        if (slot - headSlot >= buckets) {
            Arrays.fill(counts, base, base + shape.channels() * buckets, 0);
        } else {
            for (long s = headSlot + 1; s <= slot; s++) {
                int index = base + (int) Math.floorMod(s, (long) buckets);
                for (int c = 0; c < shape.channels(); c++) {
                    counts[index + c * buckets] = 0;
                }
            }
        }
        heads[head] = slot;
    }
}
