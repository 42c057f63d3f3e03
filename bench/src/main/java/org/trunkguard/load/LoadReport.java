package org.trunkguard.load;

import java.io.PrintStream;

/** Prints a {@link LoadResult} for a person, then one {@code RESULT} line of key=value pairs for scripts. */
final class LoadReport {
    private LoadReport() {
    }

    static void print(LoadResult r, PrintStream out) {
        out.printf("calls: attempted %,d, completed %,d, failed %,d (%.3f%%: %,d with a failure response %s, %,d unfinished)%n",
                r.attempted(), r.completed(), r.failed(), 100 * r.failureRatio(), r.failedResponses(), r.failureStatuses(),
                r.unfinished());
        out.printf("rate: offered %.1f cps, completed %.1f cps over %.2f s%n", r.offeredCps(), r.completedCps(), r.sendSeconds());
        out.printf("INVITE->200 ms: %s%n", percentiles(r.inviteLatencies()));
        out.printf("BYE->200    ms: %s%n", percentiles(r.byeLatencies()));
        if (r.completed() > 0) {
            out.printf("proxy CPU per completed call: event loops %.1f us", r.eventLoopCpuNanos() / 1e3 / r.completed());
            if (r.processCpuNanos() >= 0) {
                out.printf(", whole process %.1f us", r.processCpuNanos() / 1e3 / r.completed());
            }
            out.printf("; this JVM %.1f us%n", r.generatorCpuNanos() / 1e3 / r.completed());
            if (r.eventLoopAllocatedBytes() >= 0) {
                out.printf("proxy heap allocated per completed call (all its messages, event loops): %,d bytes%n",
                        r.eventLoopAllocatedBytes() / r.completed());
            }
        }
        if (r.strays() + r.retransmitted2xx() + r.sendErrors() > 0) {
            out.printf("also: %,d stray datagrams, %,d retransmitted 200s, %,d send errors%n", r.strays(), r.retransmitted2xx(),
                    r.sendErrors());
        }
        out.printf("RESULT offered_cps=%.1f attempted=%d completed=%d failed=%d failure_pct=%.4f invite_p50_ms=%.3f"
                        + " invite_p99_ms=%.3f bye_p99_ms=%.3f loop_cpu_us=%.1f process_cpu_us=%.1f generator_cpu_us=%.1f loop_alloc_bytes=%d%n",
                r.offeredCps(), r.attempted(), r.completed(), r.failed(), 100 * r.failureRatio(),
                LoadResult.percentile(r.inviteLatencies(), 0.5) / 1e6, LoadResult.percentile(r.inviteLatencies(), 0.99) / 1e6,
                LoadResult.percentile(r.byeLatencies(), 0.99) / 1e6, perCall(r.eventLoopCpuNanos(), r),
                r.processCpuNanos() < 0 ? -1 : perCall(r.processCpuNanos(), r), perCall(r.generatorCpuNanos(), r),
                r.eventLoopAllocatedBytes() < 0 || r.completed() == 0 ? -1 : r.eventLoopAllocatedBytes() / r.completed());
    }

    private static double perCall(long nanos, LoadResult r) {
        return r.completed() == 0 ? 0 : nanos / 1e3 / r.completed();
    }

    private static String percentiles(long[] sorted) {
        if (sorted.length == 0) {
            return "none";
        }
        return String.format("p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  (n=%,d)",
                LoadResult.percentile(sorted, 0.5) / 1e6, LoadResult.percentile(sorted, 0.9) / 1e6,
                LoadResult.percentile(sorted, 0.99) / 1e6, LoadResult.percentile(sorted, 0.999) / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
