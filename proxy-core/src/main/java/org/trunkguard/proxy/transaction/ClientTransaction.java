package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Transport;

/**
 * The proxy's side of a request it sends downstream (RFC 3261 §17.1). Events in: the
 * responses that carry its branch ({@link #onResponse}) and its timers. Actions out: the
 * request (and its retransmissions over UDP) to the target, responses and time-outs to its
 * {@link User}, and termination. Owned by the event loop of its call.
 */
public abstract sealed class ClientTransaction implements TimerWheel.Owner
        permits ClientInviteTransaction, ClientNonInviteTransaction {
    /** What the proxy core hears from a client transaction. */
    public interface User {
        /** A 1xx (including 100) while the transaction waits for its final response. */
        void onProvisional(ClientTransaction transaction, SipMessage response);

        /** The final response; for an INVITE also each 2xx retransmission in Accepted. */
        void onFinal(ClientTransaction transaction, SipMessage response, boolean retransmission);

        /** Timer B or F: no final response in 64·T1. */
        void onTimeout(ClientTransaction transaction);

        /** A user that needs none of it: the proxy's own CANCEL. */
        User NONE = new User() {
            @Override
            public void onProvisional(ClientTransaction transaction, SipMessage response) {
            }

            @Override
            public void onFinal(ClientTransaction transaction, SipMessage response, boolean retransmission) {
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }
        };
    }

    final TransactionContext context;
    final User user;
    private final String key;
    private final String branch;
    private final Destination target;
    /** A copy of the request for retransmission over UDP; null once it is no longer resent. */
    private ByteBuf retransmitCopy;

    ClientTransaction(TransactionContext context, String key, String branch, Destination target, User user) {
        this.context = context;
        this.key = key;
        this.branch = branch;
        this.target = target;
        this.user = user;
    }

    /** Sends the request (taking ownership of {@code bytes}) and starts the initial state's timers. */
    public abstract void start(ByteBuf bytes);

    /** A response with this transaction's branch, from the target's address. */
    public abstract void onResponse(SipMessage response);

    public abstract boolean isInvite();

    /** True until a final response arrived or the transaction gave up. */
    public abstract boolean awaitingFinal();

    public final String key() {
        return key;
    }

    public final String branch() {
        return branch;
    }

    public final Destination target() {
        return target;
    }

    public final User user() {
        return user;
    }

    final boolean reliable() {
        return target.transport() != Transport.UDP;
    }

    final void transmit(ByteBuf bytes) {
        if (!reliable()) {
            retransmitCopy = bytes.retainedDuplicate();
        }
        context.send(target, bytes);
    }

    final void retransmit() {
        if (retransmitCopy != null) {
            context.send(target, retransmitCopy.retainedDuplicate());
        }
    }

    final void stopRetransmitting() {
        if (retransmitCopy != null) {
            retransmitCopy.release();
            retransmitCopy = null;
        }
    }

    final void terminate() {
        stopRetransmitting();
        context.terminated(this);
    }

    /** For shutdown: frees what it holds without touching timers or tables. */
    public void release() {
        stopRetransmitting();
    }
}
