package org.trunkguard.trace;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.trunkguard.verdict.Verdict;

/**
 * What writing a DECISION record costs the event loop: filling the decision, encoding it into a
 * heap or a direct buffer (the encoder's design choice), then encode + lock +
 * {@code FileChannel.write} with one and two writing threads (the lock's contention), with the
 * default 1 s fsync interval ({@code PT1S}) and with an fsync per record ({@code PT0S}).
 * Callers and callees are drawn from a Zipf distribution over 10,000 numbers, as real traffic
 * concentrates on few heavy callers. Files go to java.io.tmpdir and are deleted after each
 * iteration.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main TraceWriterBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 2s -jvmArgsAppend -Dchronicle.analytics.disable=true
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TraceWriterBenchmark {

    private static final int NUMBERS = 10_000;
    private static final int SAMPLES = 1 << 14;
    private static final Verdict SPOOF = Verdict.reject("intl-spoof-86", "domestic caller on an international trunk", 403);

    @Param({"PT1S", "PT0S"})
    public String flushInterval;

    static final String[] CALLERS = zipfNumbers("138", 1);
    static final String[] CALLEES = zipfNumbers("139", 2);

    private Path directory;
    private TraceWriter writer;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        directory = Files.createTempDirectory("trace-bench");
        TraceSettings settings = TraceSettings.defaults().withDirectory(directory)
                .withFlushInterval(Duration.parse(flushInterval)).withZone(ZoneId.of("Asia/Shanghai"));
        writer = TraceWriter.open(settings, Clock.systemUTC());
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        writer.close();
        deleteTree(directory);
    }

    /** One event loop's reusable decision, filled per call as the proxy would. */
    @State(Scope.Thread)
    public static class Call {
        final CallDecision decision = new CallDecision();
        final StringBuilder callId = new StringBuilder(48);
        final StringBuilder rawFrom = new StringBuilder(64);
        final StringBuilder rawTo = new StringBuilder(64);
        final TraceRecordEncoder heapEncoder = new TraceRecordEncoder(false);
        final TraceRecordEncoder directEncoder = new TraceRecordEncoder(true);
        InetAddress source;
        long sequence;

        @Setup
        public void setUp() throws IOException {
            source = InetAddress.getByName("192.0.2.10");
        }

        CallDecision next() {
            int sample = (int) (sequence & (SAMPLES - 1));
            String caller = CALLERS[sample];
            String callee = CALLEES[sample];
            callId.setLength(0);
            callId.append("a84b4c76e66710-").append(sequence++).append("@192.0.2.10");
            rawFrom.setLength(0);
            rawFrom.append("<sip:").append(caller).append("@192.0.2.10>;tag=1928301774");
            rawTo.setLength(0);
            rawTo.append("<sip:").append(callee).append("@core.example>");
            decision.time(System.currentTimeMillis()).trunk("ent-acme").source(source, 5060).callId(callId)
                    .from(rawFrom, caller).assertedIdentity(null, null).to(rawTo, callee)
                    .verdict((sequence & 15) == 0 ? SPOOF : Verdict.ALLOW);
            return decision;
        }
    }

    /** Filling the decision alone: the floor under every other figure. */
    @Benchmark
    public Object fillOnly(Call call) {
        return call.next();
    }

    @Benchmark
    public Object encodeHeap(Call call) {
        return call.heapEncoder.decision(call.next());
    }

    @Benchmark
    public Object encodeDirect(Call call) {
        return call.directEncoder.decision(call.next());
    }

    @Benchmark
    @Threads(1)
    public void decisionOneThread(Call call) throws IOException {
        writer.decision(call.next());
    }

    @Benchmark
    @Threads(2)
    public void decisionTwoThreads(Call call) throws IOException {
        writer.decision(call.next());
    }

    /** SAMPLES numbers drawn from Zipf(s = 1) over NUMBERS ranks, fixed seed. */
    static String[] zipfNumbers(String prefix, long seed) {
        double[] cumulative = new double[NUMBERS];
        double sum = 0;
        for (int rank = 1; rank <= NUMBERS; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] numbers = new String[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double u = random.nextDouble() * sum;
            int low = 0;
            int high = NUMBERS - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < u) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            numbers[i] = "+86" + prefix + String.format("%08d", low * 7919 % 100_000_000);
        }
        return numbers;
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
