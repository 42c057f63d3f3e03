package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;

/**
 * The proxy's side of a request it forwarded (RFC 3261 §17.1): retransmits over UDP until a
 * response (INVITE: Timer A until provisional; others: Timer E until final), gives up after
 * 64·T1 with a 408, and keeps what it needs to build the CANCEL and the ACK for a non-2xx final
 * response (RFC 3261 §9.1, §17.1.1.3). Guarded by its server transaction's lock.
 */
final class ClientTransaction {
    final String branch;
    final boolean invite;
    final Destination target;
    final ServerTransaction server;
    final String viaValue;
    final String requestUri;
    final String from;
    final String to;
    final String callId;
    final long cseq;
    final List<String> routes;
    ByteBuf request;
    boolean provisional;
    int finalStatus;
    boolean cancelPending;
    boolean cancelSent;
    ScheduledFuture<?> retransmitTimer;
    ScheduledFuture<?> timeoutTimer;
    /** The key in the client table (the branch, plus the method for CANCEL); set when it starts. */
    String key;
    /** When it leaves the client table: far off while waiting, 64·T1 after the final response. */
    ScheduledFuture<?> retireTimer;

    ClientTransaction(String branch, boolean invite, Destination target, ServerTransaction server, String viaValue,
                      String requestUri, String from, String to, String callId, long cseq, List<String> routes) {
        this.branch = branch;
        this.invite = invite;
        this.target = target;
        this.server = server;
        this.viaValue = viaValue;
        this.requestUri = requestUri;
        this.from = from;
        this.to = to;
        this.callId = callId;
        this.cseq = cseq;
        this.routes = routes;
    }

    /** CANCEL or ACK for this INVITE (RFC 3261 §9.1, §17.1.1.3): same Via, Route, From, Call-ID, CSeq number. */
    String hopRequest(String method, String toValue) {
        StringBuilder b = new StringBuilder(256 + requestUri.length());
        b.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        b.append("Via: ").append(viaValue).append("\r\n");
        for (String route : routes) {
            b.append("Route: ").append(route).append("\r\n");
        }
        b.append("Max-Forwards: 70\r\n");
        b.append("From: ").append(from).append("\r\n");
        b.append("To: ").append(toValue).append("\r\n");
        b.append("Call-ID: ").append(callId).append("\r\n");
        b.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString();
    }

    void stopRetransmitting() {
        if (retransmitTimer != null) {
            retransmitTimer.cancel(false);
            retransmitTimer = null;
        }
        if (request != null) {
            request.release();
            request = null;
        }
    }

    void release() {
        stopRetransmitting();
        if (timeoutTimer != null) {
            timeoutTimer.cancel(false);
            timeoutTimer = null;
        }
    }
}
