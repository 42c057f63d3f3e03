package org.trunkguard.segments;

import java.util.Arrays;
import net.openhft.chronicle.bytes.RandomDataInput;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * A read-only heap copy of a store's buckets, built from the Chronicle Map file when the store
 * opens: open addressing from bucket key to a run of entries in flat int arrays.
 *
 * <p>Design note: a Chronicle Map query costs a context, a segment read lock in shared memory
 * and a few off-heap reads, about 0.8 µs median on the benchmark machine under load, against
 * the 200 ns budget (bench/RESULTS.md). The file stays the persisted, shared, swappable store
 * (restart reads it, never the CSV); lookups read this copy: one probe and a binary search over
 * plain arrays. It costs 12 bytes a bucket entry on the heap (about 120 MB for ten million
 * segments) and is rebuilt at open from the buckets, not the rows, so it is quick.
 */
final class BucketTable {

    private final long[] keys;
    private final int[] starts;
    private final int[] counts;
    private final int mask;
    /** Per entry: low suffix in the high 16 bits, high suffix in the low 16. */
    private int[] bounds;
    private int[] enterprises;
    private int[] lines;
    private int used;

    private BucketTable(long buckets) {
        int slots = Integer.highestOneBit((int) Math.min(1 << 30, Math.max(16, buckets * 2)) - 1) << 1;
        keys = new long[slots];
        starts = new int[slots];
        counts = new int[slots];
        mask = slots - 1;
        int entries = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, buckets * 2));
        bounds = new int[entries];
        enterprises = new int[entries];
        lines = new int[entries];
    }

    static BucketTable copyOf(ChronicleMap<Long, byte[]> map, long buckets) {
        BucketTable table = new BucketTable(buckets);
        map.forEachEntry(entry -> {
            Data<byte[]> value = entry.value();
            table.add(entry.key().get(), value.bytes(), value.offset(),
                    (int) (value.size() / SegmentBuckets.ENTRY_BYTES));
        });
        return table;
    }

    private void add(long bucketKey, RandomDataInput bytes, long offset, int count) {
        if (bucketKey == 0) {
            throw new IllegalStateException("bucket key 0 is reserved for empty slots");
        }
        if (used + count > bounds.length) {
            int capacity = Math.max(used + count, bounds.length + (bounds.length >> 1));
            bounds = Arrays.copyOf(bounds, capacity);
            enterprises = Arrays.copyOf(enterprises, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }
        int slot = slot(bucketKey);
        while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = bucketKey;
        starts[slot] = used;
        counts[slot] = count;
        for (int i = 0; i < count; i++) {
            long entry = offset + (long) i * SegmentBuckets.ENTRY_BYTES;
            bounds[used] = (bytes.readShort(entry) << 16) | (bytes.readShort(entry + 2) & 0xFFFF);
            enterprises[used] = bytes.readInt(entry + 4);
            lines[used] = bytes.readInt(entry + 8);
            used++;
        }
    }

    /** As {@link SegmentStore#findOwner}. */
    long findOwner(long numberCode) {
        long bucketKey = SegmentBuckets.bucketKey(numberCode);
        int slot = slot(bucketKey);
        for (long key = keys[slot]; key != bucketKey; key = keys[slot]) {
            if (key == 0) {
                return SegmentStore.NO_MATCH;
            }
            slot = (slot + 1) & mask;
        }
        int suffix = SegmentBuckets.suffix(numberCode);
        int low = starts[slot];
        int high = low + counts[slot] - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if ((bounds[middle] >>> 16) <= suffix) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0 || (bounds[found] & 0xFFFF) < suffix) {
            return SegmentStore.NO_MATCH;
        }
        return ((long) enterprises[found] << 32) | (lines[found] & 0xFFFFFFFFL);
    }

    private int slot(long bucketKey) {
        long h = bucketKey * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}
