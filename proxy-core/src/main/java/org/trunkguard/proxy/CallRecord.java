package org.trunkguard.proxy;

import org.trunkguard.proxy.transaction.Destination;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.verdict.Verdict;

/**
 * One call through the proxy, keyed by Call-ID: which trunk it came from, how to reach the caller
 * again (for requests the callee sends in the dialog) and the times of its life cycle.
 * Fields are written under the record's own lock by whichever thread sees the event.
 */
public final class CallRecord {
    private final String callId;
    private final Trunk trunk;
    private final Destination caller;
    private final String fromUri;
    private final String requestUri;
    private final long attemptAt;
    private final String to;
    private final String assertedIdentity;
    private Verdict verdict = Verdict.ALLOW;
    private volatile String callerNumber = "";
    private volatile String calleeNumber = "";
    private volatile Object attachment;
    private long ringingAt;
    private long answeredAt;
    private long endedAt;
    private int finalStatus;

    /** A call as the proxy sees its INVITE arrive; public so stages and their tests can build one. */
    public CallRecord(String callId, Trunk trunk, Destination caller, String fromUri, String requestUri, String to,
                      String assertedIdentity, long attemptAt) {
        this.to = to;
        this.assertedIdentity = assertedIdentity;
        this.callId = callId;
        this.trunk = trunk;
        this.caller = caller;
        this.fromUri = fromUri;
        this.requestUri = requestUri;
        this.attemptAt = attemptAt;
    }

    public String callId() {
        return callId;
    }

    public Trunk trunk() {
        return trunk;
    }

    public Destination caller() {
        return caller;
    }

    public String fromUri() {
        return fromUri;
    }

    public String requestUri() {
        return requestUri;
    }

    /** The To header as received. */
    public String to() {
        return to;
    }

    /** The first P-Asserted-Identity as received, or null. */
    public String assertedIdentity() {
        return assertedIdentity;
    }

    /** The caller's canonical number as the caller-ID rules read it; empty when unknown. */
    public String callerNumber() {
        return callerNumber;
    }

    public String calleeNumber() {
        return calleeNumber;
    }

    public void numbers(String caller, String callee) {
        this.callerNumber = caller == null ? "" : caller;
        this.calleeNumber = callee == null ? "" : callee;
    }

    /** State a judge keeps with the call (the behaviour detectors' attempt). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    public long attemptAt() {
        return attemptAt;
    }

    public synchronized Verdict verdict() {
        return verdict;
    }

    public synchronized void verdict(Verdict v) {
        verdict = v;
    }

    public synchronized long ringingAt() {
        return ringingAt;
    }

    public synchronized long answeredAt() {
        return answeredAt;
    }

    public synchronized long endedAt() {
        return endedAt;
    }

    public synchronized int finalStatus() {
        return finalStatus;
    }

    /** Records the first ringing; false when it was already recorded. */
    synchronized boolean ringing(long at) {
        if (ringingAt != 0 || finalStatus != 0) {
            return false;
        }
        ringingAt = at;
        return true;
    }

    synchronized boolean answered(long at, int status) {
        if (finalStatus != 0) {
            return false;
        }
        answeredAt = at;
        finalStatus = status;
        return true;
    }

    synchronized boolean failed(int status) {
        if (finalStatus != 0) {
            return false;
        }
        finalStatus = status;
        return true;
    }

    synchronized boolean ended(long at) {
        if (answeredAt == 0 || endedAt != 0) {
            return false;
        }
        endedAt = at;
        return true;
    }
}
