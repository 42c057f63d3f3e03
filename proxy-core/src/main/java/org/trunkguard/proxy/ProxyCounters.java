package org.trunkguard.proxy;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the proxy counts on the message path: cheap adders, read by the metrics endpoint and by
 * tests. Counting never allocates.
 */
public final class ProxyCounters {
    public final LongAdder unknownSources = new LongAdder();
    public final LongAdder malformedRequests = new LongAdder();
    public final LongAdder malformedResponses = new LongAdder();
    public final LongAdder framingErrors = new LongAdder();
    public final LongAdder retransmissionsAbsorbed = new LongAdder();
    public final LongAdder requestsForwarded = new LongAdder();
    public final LongAdder responsesRelayed = new LongAdder();
    public final LongAdder strayResponses = new LongAdder();
    public final LongAdder callsRejected = new LongAdder();
    public final LongAdder callsForwarded = new LongAdder();
    public final LongAdder requestsRefused = new LongAdder();
    public final LongAdder sendFailures = new LongAdder();
    public final LongAdder loopsDetected = new LongAdder();
    public final LongAdder traceFailures = new LongAdder();
    /** Messages whose handling threw: a bug, never a property of the input. */
    public final LongAdder internalErrors = new LongAdder();
}
