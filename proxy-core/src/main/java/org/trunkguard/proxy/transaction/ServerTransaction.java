package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Transport;

/**
 * The proxy's side of a request it received (RFC 3261 §17.2). Events in: the same request
 * again ({@link #onRetransmission}), a response from the proxy core ({@link #send}), an ACK,
 * a timer. Actions out: bytes to the request's source, and termination, which takes it out of
 * its table. Owned by one event loop: the one its call belongs to.
 *
 * <p>It also carries what the proxy core keeps about the request while it is being proxied:
 * the request itself until the final response, the To tag of the proxy's own responses, the
 * client transaction it was forwarded as and whether a CANCEL came for it.
 */
public abstract sealed class ServerTransaction implements TimerWheel.Owner
        permits ServerInviteTransaction, ServerNonInviteTransaction {
    final TransactionContext context;
    private final String key;
    private final Destination source;
    private final String toTag;
    private SipMessage request;
    private ByteBuf lastResponse;
    private int lastStatus;
    private ClientTransaction client;
    private boolean cancelled;

    ServerTransaction(TransactionContext context, String key, SipMessage request, Destination source, String toTag) {
        this.context = context;
        this.key = key;
        this.request = request;
        this.source = source;
        this.toTag = toTag;
    }

    /** The same request arrived again. */
    public abstract void onRetransmission();

    /** Sends a response upstream, taking ownership of its bytes; dropped when the state forbids it. */
    public abstract void send(ByteBuf response, int status);

    public abstract boolean isInvite();

    /** True while no final response has been sent. */
    public abstract boolean awaitingFinal();

    public final String key() {
        return key;
    }

    /** Where the request came from, and where every response goes. */
    public final Destination source() {
        return source;
    }

    public final String toTag() {
        return toTag;
    }

    /** The request, until the final response has been sent; then null. */
    public final SipMessage request() {
        return request;
    }

    public final int lastStatus() {
        return lastStatus;
    }

    public final ClientTransaction client() {
        return client;
    }

    /** The client transaction this request was forwarded as. */
    public final void forwardedAs(ClientTransaction forwarded) {
        this.client = forwarded;
    }

    public final boolean cancelled() {
        return cancelled;
    }

    public final void markCancelled() {
        cancelled = true;
    }

    final boolean reliable() {
        return source.transport() != Transport.UDP;
    }

    /** Transmits {@code response} and keeps a copy for retransmissions. */
    final void transmitAndRemember(ByteBuf response, int status) {
        if (lastResponse != null) {
            lastResponse.release();
        }
        lastResponse = response.retainedDuplicate();
        lastStatus = status;
        context.send(source, response);
    }

    /** Transmits a response that will not be retransmitted from here (a 2xx in Accepted). */
    final void transmitOnly(ByteBuf response, int status) {
        lastStatus = status;
        context.send(source, response);
    }

    /**
     * Accepted resends nothing (RFC 6026 §8.5: INVITE retransmissions are absorbed), so the copy
     * of the last provisional would only be held for Timer L's 32 s: free it now.
     */
    final void forgetLastResponse() {
        if (lastResponse != null) {
            lastResponse.release();
            lastResponse = null;
        }
    }

    final void resendLast() {
        if (lastResponse != null) {
            context.send(source, lastResponse.retainedDuplicate());
        }
    }

    /** At the final response nothing answers from the request any more: free it. */
    final void releaseRequest() {
        if (request != null) {
            request.release();
            request = null;
        }
    }

    /** Frees what the transaction holds and takes it out of its table; called once. */
    final void terminate() {
        release();
        client = null;
        context.terminated(this);
    }

    /** For shutdown: frees what it holds without touching timers or tables. */
    public final void release() {
        if (lastResponse != null) {
            lastResponse.release();
            lastResponse = null;
        }
        releaseRequest();
    }
}
