package org.trunkguard.segments;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.Normaliser;

/**
 * "Does this caller lie in a segment of this enterprise?" over 10 million segments with
 * Zipf-distributed callers (see {@link SegmentBenchData}), as latency percentiles.
 *
 * <ul>
 *   <li>{@code directory}: what the proxy calls, {@link SegmentDirectory#lineOwnedBy}: the
 *       per-thread cache of recent answers, and on a miss the Chronicle Map query under a
 *       reference count that makes reloads safe;
 *   <li>{@code storeOnly}: {@link SegmentStore#findOwner} on the heap copy of the buckets, without
 *       the cache and the reference count;
 *   <li>{@code chronicleFile}: the same answer read from the Chronicle Map file through a query
 *       context: the alternative the heap copy beats;
 *   <li>{@code normaliseAndLookup}: normalising a {@code sip:+86…;user=phone} URI first.
 * </ul>
 *
 * Run (from the repository root, after {@code mvn -B -q -pl bench -am package -DskipTests}):
 * <pre>
 * FLAGS="$(sed -n 's/^trunkguard.jvm.flags=//p' conf/jvm.properties)"
 * java $FLAGS -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.openjdk.jmh.Main \
 *   SegmentLookupBenchmark -f 1 -wi 3 -w 5s -i 5 -r 10s -jvmArgsAppend "$FLAGS"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SegmentLookupBenchmark {

    private static final int QUERIES = 1 << 20;

    @Param("10000000")
    int ranges;

    private SegmentDirectory directory;
    private SegmentStore store;
    private SegmentBenchData.Queries queries;
    private Normaliser normaliser;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SegmentBenchData data = new SegmentBenchData(ranges, 42);
        normaliser = SegmentBenchData.normaliser();
        directory = new SegmentDirectory(data.storeDirectory());
        SegmentDirectory.LoadOutcome outcome = directory.reload(data.writeCsvIfAbsent(), SegmentBenchData.PLAN,
                normaliser);
        System.out.printf("%nsegment store: %s in %.2f s (%d rows, %d buckets)%n",
                outcome.reused() ? "reused" : "imported", outcome.nanos() / 1e9, outcome.rows(), outcome.buckets());
        store = directory.currentStore();
        if (!store.awaitLookupTable()) {
            throw new IllegalStateException("heap copy of the buckets failed; give the fork more heap");
        }
        queries = data.zipfQueries(QUERIES, 7, normaliser);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        directory.close();
    }

    /** Per-thread position in the query array and the scratch result of the normaliser. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        final NormalisedNumber scratch = new NormalisedNumber();

        int advance() {
            return next = (next + 1) & (QUERIES - 1);
        }
    }

    @Benchmark
    public int directory(Cursor cursor) {
        int q = cursor.advance();
        return directory.lineOwnedBy(queries.enterprises[q], queries.codes[q]);
    }

    @Benchmark
    public int storeOnly(Cursor cursor) {
        int q = cursor.advance();
        return store.lineOwnedBy(queries.enterprises[q], queries.codes[q]);
    }

    @Benchmark
    public long chronicleFile(Cursor cursor) {
        return store.findOwnerInFile(queries.codes[cursor.advance()]);
    }

    @Benchmark
    public int normaliseAndLookup(Cursor cursor) {
        int q = cursor.advance();
        normaliser.normalise(queries.uris[q], cursor.scratch);
        return directory.lineOwnedBy(queries.enterprises[q], cursor.scratch.code());
    }
}
