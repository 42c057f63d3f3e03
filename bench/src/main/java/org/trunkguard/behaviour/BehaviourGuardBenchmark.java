package org.trunkguard.behaviour;

import org.trunkguard.time.ManualClock;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.trunkguard.verdict.Verdict;

/**
 * Cost of the behaviour guard per call: {@code judge} alone (the decision on the INVITE path)
 * and a whole answered call ({@code judge} + RINGING + ANSWERED + ENDED, four updates). Callers
 * are drawn from a Zipf distribution over {@code callers} numbers (a few busy lines, a long tail
 * of people), callees uniformly from ten million; the clock moves 1 ms per call. With
 * {@code maxEntries} set, every table (and the calls in progress) is bounded to that many entries.
 *
 * <p>Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main BehaviourGuardBenchmark
 * -f 1 -wi 3 -w 2s -i 5 -r 2s -jvmArgsAppend "$(grep '^trunkguard.jvm.flags=' conf/jvm.properties | cut -d= -f2-)"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BehaviourGuardBenchmark {

    private static final int SAMPLES = 1 << 20;
    private static final int MASK = SAMPLES - 1;

    @Param({"1000000"})
    int callers;

    /**
     * Bound of every detector table: 0 for the defaults (2 M callers and callees, 4 M pairs; the
     * tables still grow during a short run, and growth is part of the allocation figure), or a
     * small bound that the warm-up fills, so the measurement is the steady state with an
     * eviction on nearly every new callee and pair.
     */
    @Param({"0", "200000"})
    long maxEntries;

    private final ManualClock clock = new ManualClock(1_795_000_000_000L);
    private BehaviourGuard guard;
    private String[] callerSample;
    private String[] calleeSample;
    private String[] callIds;
    private int next;

    @Setup
    public void setUp() {
        BehaviourSettings settings = BehaviourSettings.DEFAULTS;
        if (maxEntries > 0) {
            StateLimits d = settings.limits();
            settings = settings.withLimits(new StateLimits(maxEntries, maxEntries, maxEntries, maxEntries,
                    d.maxCallDuration(), d.maxPenaltyEntries()));
        }
        guard = new BehaviourGuard(settings, clock, DetectionListener.NONE);
        Random random = new Random(7);
        double[] cumulative = zipfCumulative(callers, 1.0);
        callerSample = new String[SAMPLES];
        calleeSample = new String[SAMPLES];
        callIds = new String[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            callerSample[i] = String.valueOf(13_000_000_000L + (rank < 0 ? -rank - 1 : rank) * 7_919L);
            calleeSample[i] = String.valueOf(15_000_000_000L + random.nextInt(10_000_000) * 97L);
            callIds[i] = "bench-" + i;
        }
    }

    private static double[] zipfCumulative(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }

    private CallAttempt nextCall() {
        int i = next++ & MASK;
        return new CallAttempt(callIds[i], clock.millis(), "trunk-1", null, callerSample[i], calleeSample[i], null);
    }

    @Benchmark
    public Verdict judge() {
        clock.set(clock.millis() + 1);
        return guard.judge(nextCall());
    }

    @Benchmark
    public Verdict answeredCall() {
        long at = clock.millis() + 1;
        clock.set(at);
        CallAttempt call = nextCall();
        Verdict verdict = guard.judge(call);
        guard.on(call.event(CallEvent.Kind.RINGING, at));
        guard.on(call.event(CallEvent.Kind.ANSWERED, at));
        guard.on(call.event(CallEvent.Kind.ENDED, at));
        return verdict;
    }
}
