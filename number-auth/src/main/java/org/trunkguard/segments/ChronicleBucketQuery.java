package org.trunkguard.segments;

import net.openhft.chronicle.bytes.RandomDataInput;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/**
 * Answers a lookup from the Chronicle Map file itself: a query context, the bucket's entries read
 * in place off-heap (no copy, no deserialisation) and a binary search. Serves while the heap copy
 * is being built, and is the reference the heap copy is tested against.
 */
final class ChronicleBucketQuery {

    private ChronicleBucketQuery() {
    }

    static long findOwner(ChronicleMap<Long, byte[]> map, long numberCode) {
        int suffix = SegmentBuckets.suffix(numberCode);
        try (ExternalMapQueryContext<Long, byte[], ?> context = map.queryContext(SegmentBuckets.bucketKey(numberCode))) {
            MapEntry<Long, byte[]> entry = context.entry();
            if (entry == null) {
                return SegmentStore.NO_MATCH;
            }
            Data<byte[]> value = entry.value();
            return search(value.bytes(), value.offset(), (int) (value.size() / SegmentBuckets.ENTRY_BYTES), suffix);
        }
    }

    /** Binary search for the last entry with low <= suffix, then check its high end. */
    private static long search(RandomDataInput bytes, long offset, int count, int suffix) {
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (bytes.readShort(offset + (long) middle * SegmentBuckets.ENTRY_BYTES) <= suffix) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            return SegmentStore.NO_MATCH;
        }
        long entry = offset + (long) found * SegmentBuckets.ENTRY_BYTES;
        if (bytes.readShort(entry + 2) < suffix) {
            return SegmentStore.NO_MATCH;
        }
        return ((long) bytes.readInt(entry + 4) << 32) | (bytes.readInt(entry + 8) & 0xFFFFFFFFL);
    }
}
