package org.trunkguard.behaviour;

import org.trunkguard.time.ManualClock;

import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * CPU time and allocation per call of the guard, measured on the calling thread
 * ({@code ThreadMXBean} CPU time and allocated bytes), so the figure holds on a machine shared
 * with other work, where JMH's wall-clock time does not. Same input as
 * {@link BehaviourGuardBenchmark}: callers Zipf(1.0) over 1,000,000 numbers, callees uniform
 * over ten million, the clock 1 ms per call; prints one line per million calls.
 *
 * <p>Run: {@code java -Xmx8g -cp "bench/target/classes:bench/target/lib/*"
 * org.trunkguard.behaviour.BehaviourCpuCost <maxEntries, 0 for the defaults> <judge|answered> [rounds]}
 */
public final class BehaviourCpuCost {

    private static final int SAMPLES = 1 << 20;
    private static final int CALLS_PER_ROUND = 1_000_000;

    private BehaviourCpuCost() {
    }

    public static void main(String[] args) {
        long maxEntries = Long.parseLong(args[0]);
        boolean answered = args[1].equals("answered");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        ManualClock clock = new ManualClock(1_795_000_000_000L);
        BehaviourSettings settings = BehaviourSettings.DEFAULTS;
        if (maxEntries > 0) {
            StateLimits d = settings.limits();
            settings = settings.withLimits(new StateLimits(maxEntries, maxEntries, maxEntries, maxEntries,
                    d.maxCallDuration(), d.maxPenaltyEntries()));
        }
        BehaviourGuard guard = new BehaviourGuard(settings, clock, DetectionListener.NONE);
        String[] callers = new String[SAMPLES];
        String[] callees = new String[SAMPLES];
        String[] callIds = new String[SAMPLES];
        fill(callers, callees, callIds);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int next = 0;
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(thread);
            for (int k = 0; k < CALLS_PER_ROUND; k++) {
                int i = next++ & (SAMPLES - 1);
                long at = clock.millis() + 1;
                clock.set(at);
                CallAttempt call = new CallAttempt(callIds[i], at, "trunk-1", null, callers[i], callees[i], null);
                guard.judge(call);
                if (answered) {
                    guard.on(call.event(CallEvent.Kind.RINGING, at));
                    guard.on(call.event(CallEvent.Kind.ANSWERED, at));
                    guard.on(call.event(CallEvent.Kind.ENDED, at));
                }
            }
            System.out.printf("round %d (%s, max entries %s): %.0f ns CPU per call, %.0f B allocated per call%n", round,
                    answered ? "answered call" : "judge", maxEntries == 0 ? "default" : maxEntries,
                    (threads.getCurrentThreadCpuTime() - cpu) / (double) CALLS_PER_ROUND,
                    (threads.getThreadAllocatedBytes(thread) - allocated) / (double) CALLS_PER_ROUND);
        }
    }

    private static void fill(String[] callers, String[] callees, String[] callIds) {
        Random random = new Random(7);
        double[] cumulative = new double[1_000_000];
        double sum = 0;
        for (int rank = 0; rank < cumulative.length; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < cumulative.length; rank++) {
            cumulative[rank] /= sum;
        }
        for (int i = 0; i < callers.length; i++) {
            int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            callers[i] = String.valueOf(13_000_000_000L + (rank < 0 ? -rank - 1 : rank) * 7_919L);
            callees[i] = String.valueOf(15_000_000_000L + random.nextInt(10_000_000) * 97L);
            callIds[i] = "bench-" + i;
        }
    }
}
