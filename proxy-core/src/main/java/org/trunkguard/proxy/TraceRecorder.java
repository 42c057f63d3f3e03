package org.trunkguard.proxy;

import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trunkguard.trace.CallDecision;
import org.trunkguard.trace.TraceWriter;
import org.trunkguard.trace.UntrustedText;

/**
 * Writes the trace record of every decided call before the decision leaves the proxy, and the
 * later steps of the call (ringing, answer, end) as they happen. Each event loop reuses one
 * {@link CallDecision}, so a record is built by appending bytes, not by formatting text.
 */
public final class TraceRecorder implements ProxyHooks, CallEvent.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(TraceRecorder.class);

    private final TraceWriter writer;
    private final ProxyHooks next;
    private final FastThreadLocal<CallDecision> decisions = new FastThreadLocal<>() {
        @Override
        protected CallDecision initialValue() {
            return new CallDecision();
        }
    };

    /** {@code next} receives the timing callbacks (metrics). */
    public TraceRecorder(TraceWriter writer, ProxyHooks next) {
        this.writer = writer;
        this.next = next;
    }

    @Override
    public void decided(long nanos) {
        next.decided(nanos);
    }

    @Override
    public void forwarded(long nanos) {
        next.forwarded(nanos);
    }

    @Override
    public void recordDecision(CallRecord call) throws IOException {
        CallDecision d = decisions.get().clear().time(call.attemptAt()).trunk(call.trunk().id())
                .source(call.caller().address().getAddress(), call.caller().address().getPort())
                .callId(call.callId())
                .from(call.fromUri(), call.callerNumber())
                .to(call.to(), call.calleeNumber())
                .verdict(call.verdict());
        if (call.assertedIdentity() != null) {
            d.assertedIdentity(call.assertedIdentity(), call.callerNumber());
        }
        writer.decision(d);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        org.trunkguard.trace.CallEvent kind = switch (event.type()) {
            case RINGING -> org.trunkguard.trace.CallEvent.RINGING;
            case ANSWERED -> org.trunkguard.trace.CallEvent.ANSWERED;
            case CANCELLED -> org.trunkguard.trace.CallEvent.CANCELLED;
            case FAILED -> org.trunkguard.trace.CallEvent.FAILED;
            case ENDED -> org.trunkguard.trace.CallEvent.ENDED;
            case ATTEMPT -> null;
        };
        if (kind == null) {
            return;
        }
        try {
            writer.event(event.call().callId(), kind, event.atMillis(), event.status());
        } catch (IOException e) {
            LOG.warn("trace event for {} not written: {}", UntrustedText.escape(event.call().callId()), e.toString());
        }
    }
}
