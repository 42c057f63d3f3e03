package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Transport;

/**
 * Sending responses upstream through a server transaction: the proxy's own and relayed ones.
 * A final non-2xx response to an INVITE over UDP is retransmitted (Timer G, doubling from T1 up
 * to T2) until the ACK arrives or Timer H (64·T1) gives up (RFC 3261 §17.2.1).
 */
final class Replies {
    private final ProxyContext ctx;

    Replies(ProxyContext ctx) {
        this.ctx = ctx;
    }

    /** Answers a request that has no transaction (ACK-less cases: CANCEL without match, stateless 400s). */
    void stateless(SipMessage request, Destination source, int status, String phrase, String... extra) {
        ByteBuf response = Responses.build(ctx.alloc, request, source.address(), status, phrase,
                ctx.identity.newTag(), extra);
        ctx.sender.send(source, response);
    }

    /** The proxy's own response within a transaction; none once a final response has been sent. */
    void respond(ServerTransaction txn, EventExecutor loop, int status, String phrase, String... extra) {
        ByteBuf response;
        synchronized (txn) {
            if (txn.request == null) {
                return;
            }
            response = Responses.build(ctx.alloc, txn.request, txn.source.address(), status, phrase, txn.toTag, extra);
        }
        send(txn, loop, response, status);
    }

    /** Sends {@code response} (taking ownership) upstream and remembers it for retransmissions. */
    void send(ServerTransaction txn, EventExecutor loop, ByteBuf response, int status) {
        boolean startTimerG;
        synchronized (txn) {
            if (txn.lastStatus >= 200 && (status < 200 || !(txn.isInvite() && status < 300 && txn.lastStatus < 300))) {
                response.release();
                return;
            }
            txn.remember(response, status);
            startTimerG = false;
            if (status >= 200) {
                txn.releaseRequest();
                if (txn.isInvite() && status >= 300) {
                    txn.state = ServerTransaction.State.COMPLETED;
                    startTimerG = txn.source.transport() == Transport.UDP;
                } else {
                    txn.state = txn.isInvite() ? ServerTransaction.State.ACCEPTED : ServerTransaction.State.COMPLETED;
                }
            }
        }
        ctx.sender.send(txn.source, response);
        if (status >= 200) {
            if (startTimerG) {
                scheduleTimerG(txn, loop, ctx.timers.t1Millis());
                txn.timeoutTimer = loop.schedule(() -> {
                    synchronized (txn) {
                        txn.cancelTimers();
                    }
                }, ctx.timers.transactionTimeoutMillis(), TimeUnit.MILLISECONDS);
            }
            ctx.transactions.retire(txn, loop);
        }
    }

    /** Answers a retransmitted request with the last response, if any. */
    void resend(ServerTransaction txn) {
        ByteBuf copy;
        synchronized (txn) {
            if (txn.lastResponse == null || txn.state == ServerTransaction.State.TERMINATED) {
                return;
            }
            copy = txn.lastResponse.retainedDuplicate();
        }
        ctx.sender.send(txn.source, copy);
    }

    private void scheduleTimerG(ServerTransaction txn, EventExecutor loop, long delay) {
        synchronized (txn) {
            txn.retransmitTimer = loop.schedule(() -> {
                synchronized (txn) {
                    if (txn.state != ServerTransaction.State.COMPLETED) {
                        return;
                    }
                }
                resend(txn);
                scheduleTimerG(txn, loop, Math.min(delay * 2, ctx.timers.t2Millis()));
            }, delay, TimeUnit.MILLISECONDS);
        }
    }
}
