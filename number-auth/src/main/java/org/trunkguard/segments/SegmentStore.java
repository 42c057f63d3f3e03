package org.trunkguard.segments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.openhft.chronicle.bytes.RandomDataInput;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import org.trunkguard.numbers.NumberDigits;

/**
 * One generation of the segment index: an open Chronicle Map file of buckets (see {@link
 * SegmentBuckets}), the enterprise ids of its CSV, and a heap copy of the buckets that lookups
 * read ({@link BucketTable}).
 *
 * <p>A store is reference-counted: {@link SegmentDirectory} holds one reference while the store
 * is current and each lookup through the directory holds one for its duration, so a reload can
 * swap in a new store while lookups are running on the old one, which closes (and deletes its
 * files) when the last of them finishes.
 */
public final class SegmentStore {

    /** Returned by {@link #findOwner} when no segment holds the number. */
    public static final long NO_MATCH = -1L;

    private final Path mapFile;
    private final ChronicleMap<Long, byte[]> map;
    private final StoreMetadata metadata;
    private final BucketTable table;
    private final Map<String, Integer> enterpriseIndexes = new HashMap<>();
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile boolean deleteFilesOnClose;

    SegmentStore(Path mapFile, ChronicleMap<Long, byte[]> map, StoreMetadata metadata) {
        this.mapFile = mapFile;
        this.map = map;
        this.metadata = metadata;
        this.table = BucketTable.copyOf(map, metadata.buckets());
        List<String> enterprises = metadata.enterprises();
        for (int i = 0; i < enterprises.size(); i++) {
            enterpriseIndexes.put(enterprises.get(i), i);
        }
    }

    static ChronicleMapBuilder<Long, byte[]> builder(long buckets, int averageValueBytes) {
        return ChronicleMap.of(Long.class, byte[].class)
                .name("trunkguard-segments")
                .entries(Math.max(buckets, 1024))
                .averageValueSize(averageValueBytes);
    }

    /** Opens an existing, complete store file (no import). */
    static SegmentStore open(Path mapFile, StoreMetadata metadata) throws IOException {
        int averageValueBytes = SegmentBuckets.ENTRY_BYTES;
        ChronicleMap<Long, byte[]> map = builder(metadata.buckets(), averageValueBytes)
                .createPersistedTo(mapFile.toFile());
        return new SegmentStore(mapFile, map, metadata);
    }

    /**
     * The segment holding {@code numberCode}: enterprise index in the high 32 bits, CSV line in
     * the low 32 ({@link #enterpriseIndexOf}, {@link #lineOf}), or {@link #NO_MATCH}. Answered
     * from the heap copy of the buckets ({@link BucketTable}).
     */
    public long findOwner(long numberCode) {
        return numberCode == NumberDigits.NO_CODE ? NO_MATCH : table.findOwner(numberCode);
    }

    /**
     * As {@link #findOwner}, but from the Chronicle Map file itself, read in place off-heap: the
     * alternative the heap copy beats (SegmentLookupBenchmark), and the reference it is tested
     * against. Needs a reference held while the store may be retired.
     */
    long findOwnerInFile(long numberCode) {
        if (numberCode == NumberDigits.NO_CODE) {
            return NO_MATCH;
        }
        int suffix = SegmentBuckets.suffix(numberCode);
        try (ExternalMapQueryContext<Long, byte[], ?> context = map.queryContext(SegmentBuckets.bucketKey(numberCode))) {
            MapEntry<Long, byte[]> entry = context.entry();
            if (entry == null) {
                return NO_MATCH;
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
            return NO_MATCH;
        }
        long entry = offset + (long) found * SegmentBuckets.ENTRY_BYTES;
        if (bytes.readShort(entry + 2) < suffix) {
            return NO_MATCH;
        }
        return ((long) bytes.readInt(entry + 4) << 32) | (bytes.readInt(entry + 8) & 0xFFFFFFFFL);
    }

    /** The CSV line of the segment of {@code enterpriseId} holding the number, or -1. */
    public int lineOwnedBy(String enterpriseId, long numberCode) {
        return lineOf(enterpriseId, findOwner(numberCode));
    }

    /** The CSV line of {@code match} if it is a segment of {@code enterpriseId}, else -1. */
    int lineOf(String enterpriseId, long match) {
        if (match == NO_MATCH) {
            return -1;
        }
        Integer enterprise = enterpriseIndexes.get(enterpriseId);
        return enterprise != null && enterpriseIndexOf(match) == enterprise ? lineOf(match) : -1;
    }

    public static int enterpriseIndexOf(long match) {
        return (int) (match >>> 32);
    }

    public static int lineOf(long match) {
        return (int) match;
    }

    /** The enterprise id of an index from {@link #enterpriseIndexOf}. */
    public String enterpriseId(int enterpriseIndex) {
        return metadata.enterprises().get(enterpriseIndex);
    }

    public long rowCount() {
        return metadata.rows();
    }

    public long bucketCount() {
        return metadata.buckets();
    }

    long checksum() {
        return metadata.checksum();
    }

    public Path file() {
        return mapFile;
    }

    boolean tryAcquire() {
        for (int count = references.get(); count > 0; count = references.get()) {
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
        return false;
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            map.close();
            if (deleteFilesOnClose) {
                deleteFiles(mapFile);
            }
        }
    }

    /** Drops the owner's reference; the files go when the last lookup finishes. */
    void retire(boolean deleteFiles) {
        deleteFilesOnClose = deleteFiles;
        release();
    }

    boolean isClosed() {
        return references.get() <= 0;
    }

    static void deleteFiles(Path mapFile) {
        try {
            Files.deleteIfExists(StoreMetadata.fileFor(mapFile));
            Files.deleteIfExists(mapFile);
        } catch (IOException ignored) {
            // An old generation left on disk is harmless: it never matches a new checksum.
        }
    }
}
