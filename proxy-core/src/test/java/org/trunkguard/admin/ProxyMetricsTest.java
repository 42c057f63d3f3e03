package org.trunkguard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.behaviour.Detection;
import org.trunkguard.behaviour.RuleIds;
import org.trunkguard.behaviour.Severity;
import org.trunkguard.behaviour.Subject;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.proxy.ProxyCounters;
import org.trunkguard.verdict.Verdict;

class ProxyMetricsTest {
    private final ProxyMetrics metrics = new ProxyMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    private Scrape scrape() {
        return new Scrape(metrics.scrape());
    }

    @Test
    void attemptsAreCountedByTrunkVerdictAndRule() {
        CallRecord allowed = TestCalls.call("ent-1", Verdict.ALLOW);
        CallRecord rejected = TestCalls.call("ent-1", Verdict.reject("segment", "not an allocated segment", 403));
        CallRecord marked = TestCalls.call("intl", Verdict.mark(RuleIds.RING_ONCE, "suspected ring-once"));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.ATTEMPT, allowed));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.ATTEMPT, allowed));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.ATTEMPT, rejected));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.ATTEMPT, marked));

        Scrape scrape = scrape();
        assertEquals(2, scrape.value("trunkguard_calls_total", "trunk", "ent-1", "verdict", "allow", "rule", "allow"));
        assertEquals(1, scrape.value("trunkguard_calls_total", "trunk", "ent-1", "verdict", "reject", "rule", "segment"));
        assertEquals(1, scrape.value("trunkguard_calls_total", "trunk", "intl", "verdict", "mark", "rule", "ring-once"));
    }

    @Test
    void everyLaterStepIsAnOutcomeOfItsTrunk() {
        CallRecord call = TestCalls.call("ent-1", Verdict.ALLOW);
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.RINGING, call));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.ANSWERED, call));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.ENDED, call));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.CANCELLED, call));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.FAILED, call));
        metrics.onCallEvent(TestCalls.event(CallEvent.Type.FAILED, call));

        Scrape scrape = scrape();
        assertEquals(1, scrape.value("trunkguard_call_outcomes_total", "trunk", "ent-1", "outcome", "ringing"));
        assertEquals(1, scrape.value("trunkguard_call_outcomes_total", "trunk", "ent-1", "outcome", "answered"));
        assertEquals(1, scrape.value("trunkguard_call_outcomes_total", "trunk", "ent-1", "outcome", "ended"));
        assertEquals(1, scrape.value("trunkguard_call_outcomes_total", "trunk", "ent-1", "outcome", "cancelled"));
        assertEquals(2, scrape.value("trunkguard_call_outcomes_total", "trunk", "ent-1", "outcome", "failed"));
        assertFalse(scrape.has("trunkguard_call_outcomes_total", "outcome", "attempt"));
    }

    @Test
    void aRegisteredTrunkScrapesZeroBeforeItsFirstCall() {
        metrics.registerTrunk("quiet");
        assertEquals(0, scrape().value("trunkguard_call_outcomes_total", "trunk", "quiet", "outcome", "answered"));
    }

    @Test
    void detectionsAreCountedByRuleAndSeverity() {
        assertEquals(0, scrape().value("trunkguard_detections_total", "rule", RuleIds.GROUP_CALLING, "severity", "warning"));
        metrics.detection(RuleIds.RING_ONCE, "critical");
        metrics.detection(new Detection(RuleIds.RING_ONCE, Severity.CRITICAL, Subject.CALLER, "17000000001",
                20, 20, "20 cancels after ringing"));
        metrics.detection("some.new.rule", "warning");

        Scrape scrape = scrape();
        assertEquals(2, scrape.value("trunkguard_detections_total", "rule", RuleIds.RING_ONCE, "severity", "critical"));
        assertEquals(0, scrape.value("trunkguard_detections_total", "rule", RuleIds.RING_ONCE, "severity", "warning"));
        assertEquals(1, scrape.value("trunkguard_detections_total", "rule", "some.new.rule", "severity", "warning"));
    }

    @Test
    void configReloadsAreCountedByResult() {
        metrics.configReload(true);
        metrics.configReload(false);
        metrics.configReload(false);
        Scrape scrape = scrape();
        assertEquals(1, scrape.value("trunkguard_config_reloads_total", "result", "applied"));
        assertEquals(2, scrape.value("trunkguard_config_reloads_total", "result", "rejected"));
    }

    @Test
    void latenciesLandInHistogramBuckets() {
        metrics.recordDecisionNanos(2_000);
        metrics.recordDecisionNanos(3_000);
        metrics.recordDecisionNanos(40_000_000);
        metrics.recordForwardNanos(150_000);

        Scrape scrape = scrape();
        assertEquals(3, scrape.value("trunkguard_decision_seconds_count"));
        assertEquals(0.040005, scrape.value("trunkguard_decision_seconds_sum"), 1e-9);
        assertEquals(2, scrape.value("trunkguard_decision_seconds_bucket", "le", "1.6384E-5"));
        assertEquals(3, scrape.value("trunkguard_decision_seconds_bucket", "le", "+Inf"));
        assertEquals(1, scrape.value("trunkguard_forward_seconds_count"));
        assertEquals("histogram", scrape.types().get("trunkguard_forward_seconds"));
    }

    @Test
    void everyProxyCounterIsExposedUnderItsSnakeCaseName() throws IllegalAccessException {
        ProxyCounters counters = new ProxyCounters();
        metrics.bindCounters(counters);
        Field[] fields = ProxyCounters.class.getFields();
        for (int i = 0; i < fields.length; i++) {
            ((LongAdder) fields[i].get(counters)).add(i + 1);
        }
        Scrape scrape = scrape();
        for (int i = 0; i < fields.length; i++) {
            String name = "trunkguard_" + snakeCase(fields[i].getName()) + "_total";
            assertEquals(i + 1, scrape.value(name), name);
        }
    }

    @Test
    void gaugesReadTheirSuppliersAtScrapeTime() {
        AtomicInteger transactions = new AtomicInteger(3);
        AtomicInteger boxed = new AtomicInteger();
        metrics.bindInProgress(transactions::get, () -> 7);
        metrics.bindPenaltyBoxSize(boxed::get);
        metrics.bindSegments(() -> 120_000, () -> 1_700_000_000.5);
        assertEquals(3, scrape().value("trunkguard_transactions_in_progress"));
        transactions.set(5);
        boxed.set(2);

        Scrape scrape = scrape();
        assertEquals(5, scrape.value("trunkguard_transactions_in_progress"));
        assertEquals(7, scrape.value("trunkguard_calls_in_progress"));
        assertEquals(2, scrape.value("trunkguard_penalty_box_size"));
        assertEquals(120_000, scrape.value("trunkguard_segments"));
        assertEquals(1_700_000_000.5, scrape.value("trunkguard_segments_last_reload_seconds"));
    }

    @Test
    void jvmProcessAndNettyAllocatorMetricsAreRegistered() {
        Scrape scrape = scrape();
        assertTrue(scrape.has("jvm_memory_used_bytes", "area", "heap"));
        assertTrue(scrape.has("jvm_threads_live_threads"));
        assertTrue(scrape.has("jvm_gc_memory_allocated_bytes_total"));
        assertTrue(scrape.has("system_cpu_count"));
        assertTrue(scrape.has("process_files_open_files"));
        assertTrue(scrape.has("netty_allocator_memory_used", "memory_type", "direct"));
        assertTrue(scrape.has("netty_allocator_memory_used", "memory_type", "heap"));
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
