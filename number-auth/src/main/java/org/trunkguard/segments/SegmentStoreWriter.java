package org.trunkguard.segments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.map.ChronicleMap;
import org.trunkguard.numbers.NumberDigits;

/**
 * Writes sorted, non-overlapping rows into a new Chronicle Map file, one entry per bucket (see
 * {@link SegmentBuckets}). Rows sorted by first code produce buckets in order, so each bucket's
 * entries are collected and written once, already sorted by low suffix.
 */
final class SegmentStoreWriter {

    private SegmentStoreWriter() {
    }

    /** Creates {@code mapFile} (which must not exist) and returns it open, with its statistics. */
    static SegmentStore write(Path mapFile, SegmentCsvReader.Table table, long checksum) throws IOException {
        SegmentRows rows = table.rows();
        long[] counts = countBucketsAndEntries(rows);
        long buckets = counts[0];
        long entries = counts[1];
        int averageValueBytes = (int) Math.max(SegmentBuckets.ENTRY_BYTES,
                buckets == 0 ? 0 : entries * SegmentBuckets.ENTRY_BYTES / buckets);
        ChronicleMap<Long, byte[]> map = SegmentStore.builder(Math.max(buckets, 1), averageValueBytes)
                .createPersistedTo(mapFile.toFile());
        try {
            fill(map, rows);
        } catch (RuntimeException e) {
            map.close();
            throw new IOException("cannot write " + mapFile + ": " + e.getMessage(), e);
        }
        StoreMetadata metadata = new StoreMetadata(checksum, rows.size(), buckets, table.enterprises());
        metadata.write(StoreMetadata.fileFor(mapFile));
        return new SegmentStore(mapFile, map, metadata);
    }

    private static long[] countBucketsAndEntries(SegmentRows rows) {
        long buckets = 0;
        long entries = 0;
        long previousBucket = Long.MIN_VALUE;
        for (int row = 0; row < rows.size(); row++) {
            long firstBucket = SegmentBuckets.bucketKey(rows.firstCode(row));
            long lastBucket = SegmentBuckets.bucketKey(rows.lastCode(row));
            long span = lastBucket - firstBucket + 1;
            entries += span;
            buckets += span - (firstBucket == previousBucket ? 1 : 0);
            previousBucket = lastBucket;
        }
        return new long[] {buckets, entries};
    }

    private static void fill(ChronicleMap<Long, byte[]> map, SegmentRows rows) {
        BucketBuffer buffer = new BucketBuffer(map);
        for (int row = 0; row < rows.size(); row++) {
            long first = rows.firstCode(row);
            long last = rows.lastCode(row);
            long firstIndex = NumberDigits.value(first) / SegmentBuckets.BUCKET_SIZE;
            long lastIndex = NumberDigits.value(last) / SegmentBuckets.BUCKET_SIZE;
            for (long index = firstIndex; index <= lastIndex; index++) {
                int low = index == firstIndex ? SegmentBuckets.suffix(first) : 0;
                int high = index == lastIndex ? SegmentBuckets.suffix(last) : SegmentBuckets.BUCKET_SIZE - 1;
                buffer.add(SegmentBuckets.bucketKeyOfIndex(first, index), low, high, rows.enterprise(row),
                        rows.line(row));
            }
        }
        buffer.flush();
    }

    /** Collects the entries of the current bucket until the bucket changes. */
    private static final class BucketBuffer {
        private final ChronicleMap<Long, byte[]> map;
        private byte[] value = new byte[SegmentBuckets.ENTRY_BYTES * 16];
        private int used;
        private long bucket = Long.MIN_VALUE;

        BucketBuffer(ChronicleMap<Long, byte[]> map) {
            this.map = map;
        }

        void add(long bucketKey, int low, int high, int enterprise, int line) {
            if (bucketKey != bucket) {
                flush();
                bucket = bucketKey;
            }
            if (used + SegmentBuckets.ENTRY_BYTES > value.length) {
                value = java.util.Arrays.copyOf(value, value.length * 2);
            }
            SegmentBuckets.writeEntry(value, used, low, high, enterprise, line);
            used += SegmentBuckets.ENTRY_BYTES;
        }

        void flush() {
            if (used > 0) {
                map.put(bucket, java.util.Arrays.copyOf(value, used));
                used = 0;
            }
        }
    }

}
