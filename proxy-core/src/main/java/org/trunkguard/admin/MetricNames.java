package org.trunkguard.admin;

/**
 * The Micrometer names of trunkguard's own meters. The Prometheus registry turns dots into
 * underscores and adds the unit and {@code _total} suffixes: {@code trunkguard.calls} is scraped
 * as {@code trunkguard_calls_total}. docs/METRICS.md lists every one as scraped, and
 * {@code MetricsDocTest} keeps the two in step.
 */
public final class MetricNames {
    public static final String CALLS = "trunkguard.calls";
    public static final String CALL_OUTCOMES = "trunkguard.call.outcomes";
    public static final String DETECTIONS = "trunkguard.detections";
    public static final String CONFIG_RELOADS = "trunkguard.config.reloads";
    public static final String DECISION = "trunkguard.decision";
    public static final String FORWARD = "trunkguard.forward";
    public static final String TRANSACTIONS_IN_PROGRESS = "trunkguard.transactions.in.progress";
    public static final String CALLS_IN_PROGRESS = "trunkguard.calls.in.progress";
    public static final String PENALTY_BOX_SIZE = "trunkguard.penalty.box.size";
    public static final String SEGMENTS = "trunkguard.segments";
    public static final String SEGMENTS_LAST_RELOAD = "trunkguard.segments.last.reload";

    public static final String TAG_TRUNK = "trunk";
    public static final String TAG_VERDICT = "verdict";
    public static final String TAG_RULE = "rule";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_SEVERITY = "severity";
    public static final String TAG_RESULT = "result";

    private MetricNames() {
    }
}
