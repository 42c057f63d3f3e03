package org.trunkguard.segments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
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
    private volatile BucketTable table;
    private final CountDownLatch tableDone = new CountDownLatch(1);
    private final Map<String, Integer> enterpriseIndexes = new HashMap<>();
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile boolean deleteFilesOnClose;

    SegmentStore(Path mapFile, ChronicleMap<Long, byte[]> map, StoreMetadata metadata) {
        this.mapFile = mapFile;
        this.map = map;
        this.metadata = metadata;
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
     * from the heap copy of the buckets ({@link BucketTable}), or from the file until that copy is
     * built.
     */
    public long findOwner(long numberCode) {
        BucketTable built = table;
        if (built == null) {
            return findOwnerInFile(numberCode);
        }
        return numberCode == NumberDigits.NO_CODE ? NO_MATCH : built.findOwner(numberCode);
    }

    /** Copies the buckets to the heap on this thread; lookups switch to the copy when done. */
    void buildLookupTable() {
        try {
            table = BucketTable.copyOf(map, metadata.buckets());
        } finally {
            tableDone.countDown();
        }
    }

    /**
     * Builds the heap copy on a daemon thread, holding a reference so the store stays open, and
     * returns at once: a restart serves from the file meanwhile. If the copy fails (heap too
     * small), lookups keep reading the file.
     */
    void buildLookupTableInBackground() {
        if (!tryAcquire()) {
            tableDone.countDown();
            return;
        }
        Thread builder = new Thread(() -> {
            try {
                buildLookupTable();
            } catch (RuntimeException | OutOfMemoryError keepServingFromTheFile) {
                table = null;
            } finally {
                release();
            }
        }, "trunkguard-segment-table");
        builder.setDaemon(true);
        builder.start();
    }

    /** Waits until the heap copy is built (or has failed); true if lookups now use it. */
    boolean awaitLookupTable() throws InterruptedException {
        tableDone.await();
        return table != null;
    }

    /**
     * As {@link #findOwner}, but from the Chronicle Map file itself, read in place off-heap: the
     * alternative the heap copy beats (SegmentLookupBenchmark), and the reference it is tested
     * against. Needs a reference held while the store may be retired.
     */
    long findOwnerInFile(long numberCode) {
        return numberCode == NumberDigits.NO_CODE ? NO_MATCH : ChronicleBucketQuery.findOwner(map, numberCode);
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
            // Per-thread caches may still point at a retired store: let its heap copy go.
            table = null;
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
