package org.trunkguard.admin;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.trunkguard.proxy.ProxyCounters;

/**
 * Exposes every {@link ProxyCounters} adder as a Prometheus counter. The proxy keeps counting
 * into its own adders; the registry reads their sums only when scraped, so the message path
 * pays nothing for metrics.
 */
final class ProxyCountersMetrics implements MeterBinder {
    private final ProxyCounters counters;

    ProxyCountersMetrics(ProxyCounters counters) {
        this.counters = counters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bind(registry, "unknown.sources", counters.unknownSources,
                "Messages from addresses of no configured trunk, dropped without a reply");
        bind(registry, "malformed.requests", counters.malformedRequests,
                "Requests that failed parsing or sanity checks (answered 400)");
        bind(registry, "malformed.responses", counters.malformedResponses,
                "Responses that failed parsing or sanity checks (dropped)");
        bind(registry, "framing.errors", counters.framingErrors,
                "TCP connections closed because the stream could not be framed");
        bind(registry, "retransmissions.absorbed", counters.retransmissionsAbsorbed,
                "Retransmitted requests absorbed by an existing server transaction");
        bind(registry, "requests.forwarded", counters.requestsForwarded,
                "Requests forwarded to a next hop");
        bind(registry, "responses.relayed", counters.responsesRelayed,
                "Responses relayed back towards the caller");
        bind(registry, "stray.responses", counters.strayResponses,
                "Responses that matched no client transaction (dropped)");
        bind(registry, "calls.rejected", counters.callsRejected,
                "INVITEs the proxy answered itself with a rejection or throttle");
        bind(registry, "calls.forwarded", counters.callsForwarded,
                "INVITEs forwarded to the core");
        bind(registry, "requests.refused", counters.requestsRefused,
                "Out-of-dialog requests other than INVITE (MESSAGE, SUBSCRIBE, REGISTER, ...) refused by the caller-ID, volume or register rules");
        bind(registry, "send.failures", counters.sendFailures,
                "Messages the proxy could not send");
        bind(registry, "loops.detected", counters.loopsDetected,
                "Requests refused because they looped back through the proxy");
        bind(registry, "trace.failures", counters.traceFailures,
                "Calls refused with 503 because their trace record could not be written");
        bind(registry, "internal.errors", counters.internalErrors,
                "Messages whose handling failed with an internal error (a bug; the proxy goes on)");
    }

    private static void bind(MeterRegistry registry, String name, LongAdder adder, String description) {
        FunctionCounter.builder("trunkguard." + name, adder, LongAdder::sum)
                .description(description)
                .register(registry);
    }
}
