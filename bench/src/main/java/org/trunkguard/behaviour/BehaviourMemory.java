package org.trunkguard.behaviour;

import org.trunkguard.time.ManualClock;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Retained heap of the guard's state for N distinct callers, each of which placed one call that
 * rang and was cancelled (so every caller-keyed detector holds state for it). Callees are the
 * exempt service number 95588 in mode "callers" (caller-keyed state only) or one of 1,000
 * mobiles in mode "pairs" (adds one caller→callee pair per caller). Measured as heap used after
 * full GCs, after minus before, with the guard reachable; all calls fall within 100 s of
 * simulated time, inside every window, so no state has expired. The guard keys its state by
 * numeric number keys, so the caller strings created here are not retained and not counted.
 *
 * <p>Run: {@code java -Xmx14g -XX:+UseParallelGC -cp "bench/target/classes:bench/target/lib/*"
 * org.trunkguard.behaviour.BehaviourMemory 10000000 callers}
 */
public final class BehaviourMemory {

    private BehaviourMemory() {
    }

    public static void main(String[] args) {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        boolean pairs = args.length > 1 && args[1].equals("pairs");
        ManualClock clock = new ManualClock(1_795_000_000_000L);
        StateLimits limits = new StateLimits(callers * 2L, callers * 2L, callers * 2L, 1_000_000,
                java.time.Duration.ofHours(4), 100_000);
        long before = usedAfterGc();
        BehaviourGuard guard = new BehaviourGuard(BehaviourSettings.DEFAULTS.withLimits(limits), clock, DetectionListener.NONE);
        long started = System.nanoTime();
        long start = clock.millis();
        for (int i = 0; i < callers; i++) {
            // 100 calls per millisecond: all N callers fall inside the shortest window (5 min),
            // so nothing expires before the measurement.
            long at = start + i / 100;
            clock.set(at);
            String caller = String.valueOf(13_000_000_000L + i * 7L);
            String callee = pairs ? String.valueOf(15_000_000_000L + (i % 1000)) : "95588";
            CallAttempt call = new CallAttempt("m-" + (i & 0xFFFF), at, "trunk-1", null, caller, callee, null);
            guard.judge(call);
            guard.on(call.event(CallEvent.Kind.RINGING, at));
            guard.on(call.event(CallEvent.Kind.CANCELLED, at));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = usedAfterGc();
        long retained = after - before;
        System.out.printf("%d distinct callers (%s): retained %.2f GiB = %d bytes per caller; fed in %.1f s; tracked calls %d%n",
                callers, pairs ? "with one pair each" : "caller-keyed state", retained / (double) (1L << 30),
                retained / callers, seconds, guard.trackedCalls());
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
