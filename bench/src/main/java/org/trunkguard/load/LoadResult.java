package org.trunkguard.load;

import java.util.Map;

/**
 * What one phase measured.
 *
 * @param sendSeconds       from the first INVITE to the last, plus one interval
 * @param eventLoopCpuNanos CPU of the proxy's event loops during the phase
 * @param processCpuNanos   CPU of the whole proxy process during the phase, -1 when in-process
 * @param generatorCpuNanos CPU of this JVM during the phase (the generator, plus the proxy when in-process)
 * @param eventLoopAllocatedBytes heap the proxy's event loops allocated during the phase, -1 when not known
 * @param inviteLatencies   INVITE→200 of every answered call, nanoseconds, sorted
 * @param byeLatencies      BYE→200 of every completed call, nanoseconds, sorted
 */
record LoadResult(int attempted, long completed, long failedResponses, Map<Integer, Long> failureStatuses,
        double sendSeconds, long eventLoopCpuNanos, long processCpuNanos, long generatorCpuNanos, long eventLoopAllocatedBytes,
        long[] inviteLatencies, long[] byeLatencies, long strays, long retransmitted2xx, long sendErrors) {

    /** Calls that neither completed nor got a failure response before the drain ended: a message was lost. */
    long unfinished() {
        return attempted - completed - failedResponses;
    }

    long failed() {
        return attempted - completed;
    }

    double failureRatio() {
        return attempted == 0 ? 0 : (double) failed() / attempted;
    }

    double offeredCps() {
        return attempted / sendSeconds;
    }

    double completedCps() {
        return completed / sendSeconds;
    }

    /** The value below which {@code fraction} of the sorted values lie (nearest rank), in nanoseconds; 0 when empty. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
