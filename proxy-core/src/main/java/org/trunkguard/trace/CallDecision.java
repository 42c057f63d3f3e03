package org.trunkguard.trace;

import java.net.InetAddress;
import org.trunkguard.verdict.Verdict;

/**
 * What the proxy knows about one call attempt when it has decided: the fields of a DECISION
 * record. Mutable and reusable on purpose: an event loop keeps one instance, fills it, hands it
 * to {@link TraceWriter#decision(CallDecision)} and fills it again for the next call; the writer
 * has copied the bytes before it returns. Not thread-safe: one instance per thread.
 *
 * <p>Text fields are {@link CharSequence}s so that header slices from the codec can be passed
 * as they are; any may be null (absent), e.g. a call without P-Asserted-Identity.
 */
public final class CallDecision {

    long timeMillis;
    CharSequence trunkId;
    InetAddress sourceAddress;
    int sourcePort;
    CharSequence callId;
    CharSequence rawFrom;
    CharSequence from;
    CharSequence rawAssertedIdentity;
    CharSequence assertedIdentity;
    CharSequence rawTo;
    CharSequence to;
    CharSequence action;
    CharSequence ruleId;
    CharSequence reason;
    int responseStatus;

    /** Clears every field, so that nothing of the previous call leaks into the next record. */
    public CallDecision clear() {
        timeMillis = 0;
        trunkId = callId = rawFrom = from = rawAssertedIdentity = assertedIdentity = rawTo = to = null;
        action = ruleId = reason = null;
        sourceAddress = null;
        sourcePort = 0;
        responseStatus = 0;
        return this;
    }

    /** When the INVITE arrived, in epoch milliseconds. */
    public CallDecision time(long epochMillis) {
        this.timeMillis = epochMillis;
        return this;
    }

    public CallDecision trunk(CharSequence trunkId) {
        this.trunkId = trunkId;
        return this;
    }

    /** The address and port the INVITE came from (IPv4 or IPv6). */
    public CallDecision source(InetAddress address, int port) {
        this.sourceAddress = address;
        this.sourcePort = port;
        return this;
    }

    public CallDecision callId(CharSequence callId) {
        this.callId = callId;
        return this;
    }

    /** The From header as received and the calling number normalised by the number plan. */
    public CallDecision from(CharSequence raw, CharSequence normalised) {
        this.rawFrom = raw;
        this.from = normalised;
        return this;
    }

    /** P-Asserted-Identity as received and normalised; both null when the call had none. */
    public CallDecision assertedIdentity(CharSequence raw, CharSequence normalised) {
        this.rawAssertedIdentity = raw;
        this.assertedIdentity = normalised;
        return this;
    }

    /** The To header as received and the called number normalised. */
    public CallDecision to(CharSequence raw, CharSequence normalised) {
        this.rawTo = raw;
        this.to = normalised;
        return this;
    }

    /**
     * The verdict: action, rule id, reason, and the response status sent for a blocking verdict
     * (0 for a forwarded call).
     */
    public CallDecision verdict(Verdict verdict) {
        this.action = verdict.action().name();
        this.ruleId = verdict.ruleId();
        this.reason = verdict.reason();
        this.responseStatus = verdict.blocksCall() ? verdict.sipStatus() : 0;
        return this;
    }

    /** Overrides the response status: the status the proxy really sent, 0 if it forwarded. */
    public CallDecision responseStatus(int status) {
        this.responseStatus = status;
        return this;
    }
}
