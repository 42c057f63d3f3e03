package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

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
    /** For CANCEL and ACK of an INVITE; null for other methods and once a 2xx has arrived. */
    HopRequests hop;
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

    ClientTransaction(String branch, boolean invite, Destination target, ServerTransaction server, HopRequests hop) {
        this.branch = branch;
        this.invite = invite;
        this.target = target;
        this.server = server;
        this.hop = hop;
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
