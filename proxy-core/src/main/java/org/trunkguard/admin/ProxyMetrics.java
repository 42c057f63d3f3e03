package org.trunkguard.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.trunkguard.behaviour.Detection;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.proxy.ProxyCounters;
import org.trunkguard.verdict.Verdict;

/**
 * trunkguard's metrics in one Prometheus registry, scraped by {@link AdminServer} at
 * {@code GET /metrics}. docs/METRICS.md lists every metric.
 *
 * <p>Hot-path methods ({@link #onCallEvent}, {@link #detection}, {@link #recordDecisionNanos},
 * {@link #recordForwardNanos}) are safe from every event loop at once and allocate nothing
 * once a trunk/verdict/rule combination has been seen. The {@code bind*} methods register
 * gauges over the proxy's own state, read only when scraped; call each once.
 */
public final class ProxyMetrics implements CallEvent.Listener, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CallCounters calls = new CallCounters(registry);
    private final DetectionCounters detections = new DetectionCounters(registry);
    private final Counter reloadsApplied = reloadCounter("applied");
    private final Counter reloadsRejected = reloadCounter("rejected");
    private final Timer decision = Timer.builder(MetricNames.DECISION)
            .description("Time to judge an INVITE: caller-ID screen, behaviour rules, verdict")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(500))
            .maximumExpectedValue(Duration.ofMillis(100))
            .register(registry);
    private final Timer forward = Timer.builder(MetricNames.FORWARD)
            .description("From an INVITE's arrival to the forwarded INVITE handed to the socket")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(5_000))
            .maximumExpectedValue(Duration.ofSeconds(1))
            .register(registry);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    /** Held so the function counters' weakly referenced adders live as long as the registry. */
    private ProxyCounters boundCounters;

    /** A registry with trunkguard's meters, JVM, process and Netty allocator metrics. */
    public ProxyMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT).bindTo(registry);
    }

    /** Counts ATTEMPT by trunk, verdict and rule; every other event as an outcome of its trunk. */
    @Override
    public void onCallEvent(CallEvent event) {
        CallRecord call = event.call();
        String trunk = call.trunk().id();
        if (event.type() == CallEvent.Type.ATTEMPT) {
            Verdict verdict = call.verdict();
            calls.attempt(trunk, verdict.action(), verdict.ruleId());
        } else {
            calls.outcome(trunk, event.type());
        }
    }

    /** Registers a configured trunk's outcome counters, so they scrape as 0 before its first call. */
    public void registerTrunk(String trunkId) {
        calls.register(trunkId);
    }

    /** Counts a behaviour detection; {@code severity} as the tag value ("warning", "critical"). */
    public void detection(String rule, String severity) {
        detections.count(rule, severity);
    }

    /** Counts a behaviour detection: what the lead's {@code DetectionListener} forwards. */
    public void detection(Detection detection) {
        detections.count(detection.ruleId(), detection.severity());
    }

    /** Counts a configuration reload: applied, or rejected with the running one kept. */
    public void configReload(boolean applied) {
        (applied ? reloadsApplied : reloadsRejected).increment();
    }

    /** Records how long judging one INVITE took. */
    public void recordDecisionNanos(long nanos) {
        decision.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records an INVITE's end-to-end forwarding latency in the proxy. */
    public void recordForwardNanos(long nanos) {
        forward.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Exposes every {@link ProxyCounters} field as a counter (read at scrape time). */
    public void bindCounters(ProxyCounters counters) {
        boundCounters = counters;
        new ProxyCountersMetrics(counters).bindTo(registry);
    }

    /** Gauges of transactions and calls in progress, e.g. {@code proxy::transactionsInProgress}. */
    public void bindInProgress(IntSupplier transactions, IntSupplier calls) {
        gauge(MetricNames.TRANSACTIONS_IN_PROGRESS, transactions, "SIP transactions the proxy holds now");
        gauge(MetricNames.CALLS_IN_PROGRESS, calls, "Calls (by Call-ID) the proxy tracks now");
    }

    /** Gauge of the callers in the behaviour guard's penalty box. */
    public void bindPenaltyBoxSize(IntSupplier size) {
        gauge(MetricNames.PENALTY_BOX_SIZE, size, "Callers in the penalty box now");
    }

    /**
     * Gauges of the segment store: its row count and when it was last (re)loaded.
     *
     * @param rows              segments in force, e.g. from {@code ReloadResult.segments().rows()}
     * @param lastReloadEpochSeconds when the segments in force were loaded, Unix epoch seconds
     */
    public void bindSegments(LongSupplier rows, DoubleSupplier lastReloadEpochSeconds) {
        Gauge.builder(MetricNames.SEGMENTS, rows, s -> s.getAsLong())
                .description("Allocated number segments in force").strongReference(true).register(registry);
        Gauge.builder(MetricNames.SEGMENTS_LAST_RELOAD, lastReloadEpochSeconds, DoubleSupplier::getAsDouble)
                .description("When the segments in force were loaded (Unix time)").baseUnit("seconds")
                .strongReference(true).register(registry);
    }

    /** The registry, to add meters or to scrape. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    private Counter reloadCounter(String result) {
        return Counter.builder(MetricNames.CONFIG_RELOADS)
                .description("Configuration reloads by result (a rejected reload keeps the running configuration)")
                .tag(MetricNames.TAG_RESULT, result).register(registry);
    }

    private void gauge(String name, IntSupplier supplier, String description) {
        Gauge.builder(name, supplier, s -> s.getAsInt())
                .description(description).strongReference(true).register(registry);
    }
}
