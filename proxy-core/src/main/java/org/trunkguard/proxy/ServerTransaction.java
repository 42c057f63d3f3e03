package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import org.trunkguard.sip.Methods;
import org.trunkguard.sip.SipMessage;

/**
 * The proxy's side of a request it received (RFC 3261 §17.2). It remembers the last response
 * sent, so a retransmitted request is answered with it instead of becoming a second call, and
 * for INVITE it retransmits a final non-2xx response over UDP until the ACK arrives.
 * Guarded by its own lock; timers run on the event loop that received the request.
 */
final class ServerTransaction {
    enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    final String key;
    final boolean invite;
    /**
     * The request, until the final response: then it is released, since the transaction lingers
     * 64·T1 to absorb retransmissions and needs only {@link #lastResponse} for them. Guarded by
     * this transaction's lock once the request has been forwarded.
     */
    SipMessage request;
    final Destination source;
    final String toTag;
    State state = State.PROCEEDING;
    ByteBuf lastResponse;
    int lastStatus;
    ClientTransaction client;
    CallRecord call;
    boolean cancelled;
    ScheduledFuture<?> retransmitTimer;
    ScheduledFuture<?> timeoutTimer;

    ServerTransaction(String key, SipMessage request, Destination source, String toTag) {
        this.key = key;
        this.invite = Methods.INVITE.equals(request.method());
        this.request = request;
        this.source = source;
        this.toTag = toTag;
    }

    boolean isInvite() {
        return invite;
    }

    /** After the final response: nothing answers from the request any more (see {@link #request}). */
    void releaseRequest() {
        if (request != null) {
            request.release();
            request = null;
        }
    }

    /** Keeps a copy of the response for retransmission; the caller still owns {@code response}. */
    void remember(ByteBuf response, int status) {
        if (lastResponse != null) {
            lastResponse.release();
        }
        lastResponse = response.retainedDuplicate();
        lastStatus = status;
    }

    void cancelTimers() {
        if (retransmitTimer != null) {
            retransmitTimer.cancel(false);
            retransmitTimer = null;
        }
        if (timeoutTimer != null) {
            timeoutTimer.cancel(false);
            timeoutTimer = null;
        }
    }

    /** Frees what the transaction holds; called once, when it leaves the table. */
    void release() {
        cancelTimers();
        if (lastResponse != null) {
            lastResponse.release();
            lastResponse = null;
        }
        releaseRequest();
    }
}
