package org.trunkguard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trunkguard.behaviour.RuleIds;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.verdict.Verdict;

/**
 * The event loops call ProxyMetrics for every call: once each trunk/verdict/rule has been seen,
 * counting must allocate nothing. Measured with the JVM's per-thread allocation counter.
 */
class HotPathAllocationTest {
    private static final int CALLS = 200_000;
    private static final int ROUNDS = 5;

    @Test
    void countingKnownCallsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ProxyMetrics metrics = new ProxyMetrics()) {
            CallEvent[] events = events();
            loop(metrics, events, CALLS);
            // A few hundred bytes of slack for the measuring call itself and for a JIT transition
            // (until C2 compiles the loop, objects escape analysis removes are still allocated).
            // One object per call would be megabytes, in every round.
            List<Long> rounds = new ArrayList<>();
            long fewest = Long.MAX_VALUE;
            while (rounds.size() < ROUNDS && fewest >= 1_024) {
                long before = threads.getCurrentThreadAllocatedBytes();
                loop(metrics, events, CALLS);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                rounds.add(allocated);
                fewest = Math.min(fewest, allocated);
            }
            assertTrue(fewest < 1_024, "bytes allocated per round of " + CALLS + " calls: " + rounds);
            assertEquals((1.0 + rounds.size()) * CALLS / events.length, new Scrape(metrics.scrape())
                    .value("trunkguard_calls_total", "trunk", "ent-1", "verdict", "allow"));
        }
    }

    private static void loop(ProxyMetrics metrics, CallEvent[] events, int calls) {
        for (int i = 0; i < calls; i++) {
            metrics.onCallEvent(events[i % events.length]);
            metrics.detection(RuleIds.BOMBING_CALLEE, "warning");
            metrics.recordDecisionNanos(1_000 + (i & 0xffff));
            metrics.recordForwardNanos(50_000 + i);
        }
    }

    private static CallEvent[] events() {
        CallRecord allowed = TestCalls.call("ent-1", Verdict.ALLOW);
        CallRecord rejected = TestCalls.call("ent-2", Verdict.reject("segment", "not allocated", 403));
        return new CallEvent[] {
            TestCalls.event(CallEvent.Type.ATTEMPT, allowed),
            TestCalls.event(CallEvent.Type.ATTEMPT, rejected),
            TestCalls.event(CallEvent.Type.RINGING, allowed),
            TestCalls.event(CallEvent.Type.ANSWERED, allowed),
            TestCalls.event(CallEvent.Type.ENDED, allowed),
        };
    }
}
