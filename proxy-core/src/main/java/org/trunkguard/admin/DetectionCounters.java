package org.trunkguard.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.trunkguard.behaviour.RuleIds;
import org.trunkguard.behaviour.Severity;

/**
 * {@code trunkguard_detections_total{rule, severity}}. Every behaviour rule is registered at
 * both severities up front, so a dashboard shows 0 rather than no data and counting a known
 * rule never registers anything. Lookups are a map per rule, then a map per severity: no
 * allocation on a hit.
 */
final class DetectionCounters {
    private static final String[] SEVERITY_TAGS = severityTags();

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, BySeverity> rules = new ConcurrentHashMap<>();

    DetectionCounters(MeterRegistry registry) {
        this.registry = registry;
        for (String rule : RuleIds.ALL) {
            for (String severity : SEVERITY_TAGS) {
                count(rule, severity, 0);
            }
        }
    }

    void count(String rule, Severity severity) {
        count(rule, SEVERITY_TAGS[severity.ordinal()], 1);
    }

    void count(String rule, String severity) {
        count(rule, severity, 1);
    }

    private void count(String rule, String severity, double amount) {
        BySeverity bySeverity = rules.get(rule);
        if (bySeverity == null) {
            bySeverity = rules.computeIfAbsent(rule, r -> new BySeverity());
        }
        Counter counter = bySeverity.get(severity);
        if (counter == null) {
            counter = bySeverity.computeIfAbsent(severity, s -> Counter.builder(MetricNames.DETECTIONS)
                    .description("Behaviour detections (evidence, whatever action the policy took)")
                    .tag(MetricNames.TAG_RULE, rule).tag(MetricNames.TAG_SEVERITY, s)
                    .register(registry));
        }
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    private static String[] severityTags() {
        Severity[] values = Severity.values();
        String[] tags = new String[values.length];
        for (Severity severity : values) {
            tags[severity.ordinal()] = severity.name().toLowerCase(Locale.ROOT);
        }
        return tags;
    }

    /** One rule's counters by severity tag. */
    private static final class BySeverity extends ConcurrentHashMap<String, Counter> {
    }
}
