package org.trunkguard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.proxy.ProxyCounters;
import org.trunkguard.verdict.Verdict;

/** docs/METRICS.md and the registry list the same trunkguard_* metrics, with the same types. */
class MetricsDocTest {

    @Test
    void everyTrunkguardMetricIsDocumentedAndEveryDocumentedOneExists() {
        Map<String, String> scraped = new TreeMap<>();
        try (ProxyMetrics metrics = exercisedOnce()) {
            new Scrape(metrics.scrape()).types().forEach((name, type) -> {
                if (name.startsWith("trunkguard_")) {
                    scraped.put(name, type);
                }
            });
        }
        Map<String, String> documented = new TreeMap<>();
        ProjectFiles.documentedMetrics().forEach((name, type) -> {
            if (name.startsWith("trunkguard_")) {
                documented.put(name, type);
            }
        });
        assertEquals(scraped, documented, "left: scraped from ProxyMetrics; right: the table in docs/METRICS.md");
    }

    @Test
    void standardMetricsTheDocumentNamesAreRegistered() {
        try (ProxyMetrics metrics = exercisedOnce()) {
            Scrape scrape = new Scrape(metrics.scrape());
            ProjectFiles.documentedMetrics().forEach((name, type) -> {
                // GC pauses appear only after a collection: a fresh test JVM may not have had one.
                if (!name.startsWith("trunkguard_") && !name.equals("jvm_gc_pause_seconds")) {
                    assertEquals(type, scrape.types().get(name), name);
                }
            });
        }
    }

    /** A registry where every meter has been used once, as a running proxy would have done. */
    static ProxyMetrics exercisedOnce() {
        ProxyMetrics metrics = new ProxyMetrics();
        CallRecord call = TestCalls.call("ent-1", Verdict.ALLOW);
        for (CallEvent.Type type : CallEvent.Type.values()) {
            metrics.onCallEvent(TestCalls.event(type, call));
        }
        metrics.detection("ring-once", "critical");
        metrics.configReload(true);
        metrics.configReload(false);
        metrics.recordDecisionNanos(3_000);
        metrics.recordForwardNanos(80_000);
        metrics.bindCounters(new ProxyCounters());
        metrics.bindInProgress(() -> 1, () -> 1);
        metrics.bindPenaltyBoxSize(() -> 0);
        metrics.bindSegments(() -> 10, () -> 1.7e9);
        return metrics;
    }
}
