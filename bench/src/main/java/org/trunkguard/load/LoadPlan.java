package org.trunkguard.load;

import java.net.InetSocketAddress;

/**
 * One phase of load: how fast, how long, how many calls, and where the caller, proxy and callee are.
 *
 * @param cps            calls started per second
 * @param durationNanos  how long INVITEs are sent
 * @param maxCalls       upper bound on calls, whatever the duration
 * @param holdNanos      time between the ACK and the BYE
 * @param drainNanos     how long to wait, after the last INVITE plus the hold time, for calls to finish
 */
record LoadPlan(double cps, long durationNanos, int maxCalls, long holdNanos, long drainNanos, InetSocketAddress caller,
        InetSocketAddress proxy, InetSocketAddress callee, int socketBufferBytes, long firstCaller, int callers) {

    /** The calls this phase can start: the duration at this rate, capped by {@code maxCalls}. */
    int calls() {
        double byDuration = Math.ceil(cps * durationNanos / 1e9);
        return (int) Math.min(maxCalls, byDuration);
    }
}
