package org.trunkguard.segments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.Normaliser;
import org.trunkguard.numbers.NumberDigits;

/**
 * The running segment index: imports {@code segments.csv} into a Chronicle Map file in a store
 * directory, reuses that file on restart when the CSV (and number plan) are unchanged, and swaps
 * in a new generation on {@link #reload}. Lookups are thread-safe and never see a closed store.
 *
 * <p>Store files are named by the checksum of their inputs ({@code segments-<crc>.cmap} plus a
 * {@code .meta} sidecar), so "does a store for this CSV exist" is a file name test, and an old
 * generation never collides with a new one. Import and reload block on disk: call them from a
 * worker thread, not an event loop.
 */
public final class SegmentDirectory implements AutoCloseable {

    private final Path storeDirectory;
    private final AtomicReference<SegmentStore> current = new AtomicReference<>();
    private final ThreadLocal<LookupCache> caches;

    /** Per-thread cache slots (two longs each): 65,536 is 1 MiB a thread, about 70% hits on
     *  Zipf(1) callers over ten million numbers. */
    public static final int DEFAULT_CACHE_SLOTS = 1 << 16;

    /** What a load did: reused an existing store file or imported the CSV, and how long it took. */
    public record LoadOutcome(boolean reused, long rows, long buckets, long nanos, Path storeFile) {
    }

    public SegmentDirectory(Path storeDirectory) {
        this(storeDirectory, DEFAULT_CACHE_SLOTS);
    }

    /** @param cacheSlots per-thread cache size, a power of two (1 effectively disables it) */
    public SegmentDirectory(Path storeDirectory, int cacheSlots) {
        this.storeDirectory = storeDirectory;
        new LookupCache(cacheSlots); // validates before any thread needs one
        this.caches = ThreadLocal.withInitial(() -> new LookupCache(cacheSlots));
    }

    /**
     * Loads {@code csv} (first load or reload). A bad file throws with every bad row and keeps
     * the running store; unchanged inputs keep the running store too.
     *
     * @param planFile the number plan the rows were normalised with; part of the checksum
     */
    public synchronized LoadOutcome reload(Path csv, Path planFile, Normaliser normaliser)
            throws InvalidFileException {
        long started = System.nanoTime();
        long checksum = checksum(csv, planFile);
        SegmentStore running = current.get();
        if (running != null && running.checksum() == checksum) {
            return new LoadOutcome(true, running.rowCount(), running.bucketCount(), System.nanoTime() - started,
                    running.file());
        }
        Path mapFile = storeDirectory.resolve(String.format("segments-%016x.cmap", checksum));
        SegmentStore fresh;
        boolean reused;
        try {
            Files.createDirectories(storeDirectory);
            StoreMetadata existing = StoreMetadata.readIfComplete(StoreMetadata.fileFor(mapFile), checksum);
            reused = existing != null && Files.isRegularFile(mapFile);
            if (reused) {
                fresh = SegmentStore.open(mapFile, existing);
            } else {
                SegmentCsvReader.Table table = SegmentCsvReader.read(csv, normaliser);
                SegmentStore.deleteFiles(mapFile);
                fresh = SegmentStoreWriter.write(mapFile, table, checksum);
            }
        } catch (IOException e) {
            throw new InvalidFileException(new FileProblem(mapFile, 0, "cannot build segment store: " + e.getMessage()));
        }
        if (running == null) {
            // First load (start-up): serve from the file at once, copy to the heap meanwhile.
            fresh.buildLookupTableInBackground();
        } else {
            // Reload: the running store serves until the new one is complete and fast.
            fresh.buildLookupTable();
        }
        SegmentStore old = current.getAndSet(fresh);
        if (old != null) {
            old.retire(true);
        }
        deleteOtherGenerations(mapFile);
        return new LoadOutcome(reused, fresh.rowCount(), fresh.bucketCount(), System.nanoTime() - started, mapFile);
    }

    /**
     * The CSV line of the segment of {@code enterpriseId} holding {@code numberCode}, or -1 (also
     * when nothing is loaded). Allocation-free; answers repeated numbers from a per-thread cache.
     */
    public int lineOwnedBy(String enterpriseId, long numberCode) {
        if (numberCode == NumberDigits.NO_CODE) {
            return -1;
        }
        LookupCache cache = caches.get();
        SegmentStore store = current.get();
        if (store == null) {
            return -1;
        }
        cache.useStore(store);
        int slot = cache.slot(numberCode);
        long match;
        if (cache.holds(slot, numberCode)) {
            match = cache.match(slot);
        } else {
            match = findOwnerUncached(numberCode);
            cache.put(slot, numberCode, match);
        }
        return store.lineOf(enterpriseId, match);
    }

    /** {@link SegmentStore#findOwner} on the current store, holding a reference while it runs. */
    long findOwnerUncached(long numberCode) {
        SegmentStore store = acquire();
        if (store == null) {
            return SegmentStore.NO_MATCH;
        }
        try {
            return store.findOwner(numberCode);
        } finally {
            store.release();
        }
    }

    /** The current store with a reference held, or null; pair with {@link SegmentStore#release()}. */
    SegmentStore acquire() {
        while (true) {
            SegmentStore store = current.get();
            if (store == null || store.tryAcquire()) {
                return store;
            }
            // Lost a race with a reload: the new store is already current, take that one.
        }
    }

    /** The store serving now (for statistics and tests); may be retired at any moment. */
    public SegmentStore currentStore() {
        return current.get();
    }

    @Override
    public synchronized void close() {
        SegmentStore old = current.getAndSet(null);
        if (old != null) {
            old.retire(false);
        }
    }

    /**
     * Files of older generations and interrupted imports. Unlinking is safe for lookups still
     * running on a retired store (and for other processes mapping it): the mapping stays valid.
     */
    private void deleteOtherGenerations(Path keep) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(storeDirectory, "segments-*.cmap")) {
            for (Path file : files) {
                if (!file.equals(keep)) {
                    SegmentStore.deleteFiles(file);
                }
            }
        } catch (IOException ignored) {
            // Left-over files cost disk space only; the next reload tries again.
        }
    }

    /** CRC32C of the CSV, the plan and the store format: any change means a new store. */
    static long checksum(Path csv, Path planFile) throws InvalidFileException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        for (Path file : new Path[] {csv, planFile}) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    crc.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new InvalidFileException(new FileProblem(file, 0, "cannot read: " + e.getMessage()));
            }
        }
        crc.update(StoreMetadata.FORMAT_VERSION);
        long size = csv.toFile().length();
        return (size << 32) ^ crc.getValue();
    }
}
