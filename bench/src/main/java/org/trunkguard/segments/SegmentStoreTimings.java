package org.trunkguard.segments;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.Normaliser;

/**
 * Import time, store file size and restart time for the benchmark's segment file: the figures a
 * JMH percentile cannot give. Deletes any earlier store first so the import is measured, then
 * "restarts" (a new directory on the same store) and times until the first lookup is answered.
 *
 * <pre>
 * java $FLAGS -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
 *   org.trunkguard.segments.SegmentStoreTimings 10000000
 * </pre>
 */
public final class SegmentStoreTimings {

    private SegmentStoreTimings() {
    }

    public static void main(String[] args) throws Exception {
        int ranges = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        if (args.length > 1 && args[1].equals("restart")) {
            restartInThisJvm(ranges);
            return;
        }
        SegmentBenchData data = new SegmentBenchData(ranges, 42);
        long started = System.nanoTime();
        Path csv = data.writeCsvIfAbsent();
        System.out.printf("csv: %s, %.1f MB (ready in %.1f s)%n", csv, Files.size(csv) / 1e6,
                (System.nanoTime() - started) / 1e9);
        Path store = data.storeDirectory();
        if (Files.isDirectory(store)) {
            try (var files = Files.list(store)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
        }
        Normaliser normaliser = SegmentBenchData.normaliser();
        SegmentDirectory.LoadOutcome imported;
        try (SegmentDirectory directory = new SegmentDirectory(store)) {
            imported = directory.reload(csv, SegmentBenchData.PLAN, normaliser);
        }
        System.out.printf("import: %.2f s, %d rows, %d buckets, store file %.1f MB%n", imported.nanos() / 1e9,
                imported.rows(), imported.buckets(), Files.size(imported.storeFile()) / 1e6);

        long restartStarted = System.nanoTime();
        try (SegmentDirectory directory = new SegmentDirectory(store)) {
            SegmentDirectory.LoadOutcome restarted = directory.reload(csv, SegmentBenchData.PLAN, normaliser);
            int line = directory.lineOwnedBy(SegmentBenchData.enterprise(0), codeOf(normaliser, data.firsts[0]));
            long restartNanos = System.nanoTime() - restartStarted;
            System.out.printf("restart: reused=%s, first lookup answered (line %d) after %.3f s%n",
                    restarted.reused(), line, restartNanos / 1e9);
        }
        System.out.printf("per-thread cache hit ratio on the benchmark's Zipf callers: %.1f%%%n",
                100 * cacheHitRatio(data.zipfQueries(1 << 20, 7, normaliser).codes));
    }

    /**
     * A restart as the proxy sees it: a fresh JVM (run this alone, after an import), timed from
     * the JVM's start (class loading of Chronicle included) to the first answered lookup.
     */
    private static void restartInThisJvm(int ranges) throws Exception {
        SegmentBenchData data = new SegmentBenchData(ranges, 42);
        Normaliser normaliser = SegmentBenchData.normaliser();
        long reloadStarted = System.nanoTime();
        try (SegmentDirectory directory = new SegmentDirectory(data.storeDirectory())) {
            SegmentDirectory.LoadOutcome restarted = directory.reload(data.csv, SegmentBenchData.PLAN, normaliser);
            int line = directory.lineOwnedBy(SegmentBenchData.enterprise(0), codeOf(normaliser, data.firsts[0]));
            long now = System.nanoTime();
            long sinceJvmStart = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("fresh-JVM restart: reused=%s, line %d, reload+first lookup %.3f s, since JVM start %.3f s%n",
                    restarted.reused(), line, (now - reloadStarted) / 1e9, sinceJvmStart / 1e3);
            boolean built = directory.currentStore().awaitLookupTable();
            System.out.printf("heap copy of the buckets %s %.3f s after the reload started%n",
                    built ? "ready" : "FAILED", (System.nanoTime() - reloadStarted) / 1e9);
        }
    }

    /** The benchmark cycles through its queries, so replay them twice through one cache. */
    private static double cacheHitRatio(long[] codes) {
        LookupCache cache = new LookupCache(SegmentDirectory.DEFAULT_CACHE_SLOTS);
        long hits = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (long code : codes) {
                int slot = cache.slot(code);
                if (cache.holds(slot, code)) {
                    hits += pass;
                } else {
                    cache.put(slot, code, 0);
                }
            }
        }
        return (double) hits / codes.length;
    }

    private static long codeOf(Normaliser normaliser, long number) {
        NormalisedNumber result = new NormalisedNumber();
        normaliser.normalise(Long.toString(number), result);
        return result.code();
    }
}
