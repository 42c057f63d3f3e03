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

    private static final int SUFFIX_BITS = 14;
    private static final int SUFFIX_MASK = (1 << SUFFIX_BITS) - 1;
    private static final int LOW_SHIFT = 32 + SUFFIX_BITS;

    /** Slot i: key at 2i, (first entry << 32 | entry count) at 2i+1: one cache line per probe. */
    private final long[] slots;
    private final int mask;
    /** Per entry: low suffix, high suffix (14 bits each, they are below 10^4), enterprise index. */
    private long[] entries;
    /** Per entry: the CSV line, read only for the entry found. */
    private int[] lines;
    private int used;

    private BucketTable(long buckets) {
        int slotCount = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, buckets * 2)) - 1) << 1;
        slots = new long[slotCount * 2];
        mask = slotCount - 1;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, buckets * 2));
        entries = new long[capacity];
        lines = new int[capacity];
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
        if (used + count > entries.length) {
            int capacity = Math.max(used + count, entries.length + (entries.length >> 1));
            entries = Arrays.copyOf(entries, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }
        int slot = slot(bucketKey);
        while (slots[2 * slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = bucketKey;
        slots[2 * slot + 1] = ((long) used << 32) | count;
        for (int i = 0; i < count; i++) {
            long entry = offset + (long) i * SegmentBuckets.ENTRY_BYTES;
            long low = bytes.readShort(entry);
            long high = bytes.readShort(entry + 2);
            entries[used] = (low << LOW_SHIFT) | (high << 32) | (bytes.readInt(entry + 4) & 0xFFFFFFFFL);
            lines[used] = bytes.readInt(entry + 8);
            used++;
        }
    }

    /** As {@link SegmentStore#findOwner}. */
    long findOwner(long numberCode) {
        long bucketKey = SegmentBuckets.bucketKey(numberCode);
        int slot = slot(bucketKey);
        for (long key = slots[2 * slot]; key != bucketKey; key = slots[2 * slot]) {
            if (key == 0) {
                return SegmentStore.NO_MATCH;
            }
            slot = (slot + 1) & mask;
        }
        long run = slots[2 * slot + 1];
        int suffix = SegmentBuckets.suffix(numberCode);
        int low = (int) (run >>> 32);
        int high = low + (int) run - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if ((entries[middle] >>> LOW_SHIFT) <= suffix) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0 || ((int) (entries[found] >>> 32) & SUFFIX_MASK) < suffix) {
            return SegmentStore.NO_MATCH;
        }
        return (entries[found] << 32) | (lines[found] & 0xFFFFFFFFL);
    }

    private int slot(long bucketKey) {
        long h = bucketKey * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}
