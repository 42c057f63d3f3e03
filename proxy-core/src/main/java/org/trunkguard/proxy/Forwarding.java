package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Transport;

/**
 * Sending requests downstream through client transactions: forwarded requests, and the CANCEL
 * and ACK the proxy itself generates. Over UDP, requests are retransmitted (Timer A / E) until a
 * response; without a final response in 64·T1 (Timer B / F), or 3 minutes after ringing for an
 * INVITE (Timer C, RFC 3261 §16.6 step 11), the transaction answers 408 or cancels.
 */
final class Forwarding {
    /** RFC 3261 §16.8: Timer C "MUST be set for each client transaction ... greater than 3 minutes". */
    static final long TIMER_C_MILLIS = 181_000;

    private final ProxyContext ctx;
    private final Replies replies;

    Forwarding(ProxyContext ctx, Replies replies) {
        this.ctx = ctx;
        this.replies = replies;
    }

    /** Forwards the server transaction's request to {@code target}. */
    void forward(ServerTransaction txn, EventExecutor loop, Destination target, boolean recordRoute, String markLine) {
        SipMessage request = txn.request;
        String branch = ctx.identity.newBranch();
        String via = ctx.identity.viaValue(target.transport(), branch);
        String rr = recordRoute ? ctx.identity.recordRouteValue(txn.source.transport()) : null;
        List<String> routes = new ArrayList<>(1);
        ByteBuf bytes = RequestForwarder.build(ctx.alloc, request,
                new RequestForwarder.Plan(txn.source.address(), via, rr, markLine, target.transport()), ctx.identity, routes);
        boolean invite = txn.isInvite();
        HopRequests hop = invite ? new HopRequests(via, request.requestUri(), request.header(SipHeader.FROM),
                request.header(SipHeader.TO), request.callId(), request.cseq().number(), routes) : null;
        ClientTransaction ct = new ClientTransaction(branch, invite, target, txn, hop);
        synchronized (txn) {
            // Before the request leaves: its response may be handled on another event loop (a TCP
            // connection to the core) before start() returns, and must find its client here.
            txn.client = ct;
        }
        start(ct, Transactions.clientKey(branch, request.method()), loop, bytes);
        ctx.counters.requestsForwarded.increment();
    }

    /** Sends CANCEL for a forwarded INVITE (RFC 3261 §9.1): after a provisional response only. */
    void cancel(ClientTransaction invite, EventExecutor loop) {
        if (invite.hop == null) {
            return; // a 2xx arrived first: the call is up, nothing to cancel
        }
        invite.cancelSent = true;
        ClientTransaction ct = new ClientTransaction(invite.branch, false, invite.target, invite.server, null);
        start(ct, Transactions.clientKey(invite.branch, "CANCEL"), loop,
                ascii(invite.hop.build("CANCEL", invite.hop.to())));
    }

    /** ACK for a non-2xx final response, hop by hop (RFC 3261 §17.1.1.3); sent again for each retransmission. */
    void ack(ClientTransaction invite, String toFromResponse) {
        ctx.sender.send(invite.target, ascii(invite.hop.build("ACK", toFromResponse)));
    }

    /** Forwards a request without a transaction (ACK for 2xx, RFC 3261 §16.10 step 7 and §17.1.1.3). */
    void forwardStateless(SipMessage request, Destination source, Destination target) {
        String via = ctx.identity.viaValue(target.transport(), ctx.identity.newBranch());
        ByteBuf bytes = RequestForwarder.build(ctx.alloc, request,
                new RequestForwarder.Plan(source.address(), via, null, null, target.transport()), ctx.identity,
                new ArrayList<>(1));
        ctx.sender.send(target, bytes);
        ctx.counters.requestsForwarded.increment();
    }

    private void start(ClientTransaction ct, String key, EventExecutor loop, ByteBuf bytes) {
        ct.key = key;
        ctx.transactions.clients.put(key, ct);
        synchronized (ct.server) {
            if (ct.target.transport() == Transport.UDP) {
                ct.request = bytes.retainedDuplicate();
                scheduleRetransmit(ct, loop, ctx.timers.t1Millis());
            }
            ct.timeoutTimer = loop.schedule(() -> timeout(ct, loop), ctx.timers.transactionTimeoutMillis(),
                    TimeUnit.MILLISECONDS);
            ctx.transactions.retire(ct, loop, ct.invite ? TIMER_C_MILLIS + ctx.timers.transactionTimeoutMillis()
                    : 2 * ctx.timers.transactionTimeoutMillis());
        }
        ctx.sender.send(ct.target, bytes);
    }

    private void scheduleRetransmit(ClientTransaction ct, EventExecutor loop, long delay) {
        ct.retransmitTimer = loop.schedule(() -> {
            ByteBuf copy;
            synchronized (ct.server) {
                if (ct.request == null || ct.finalStatus != 0 || ct.invite && ct.provisional) {
                    return;
                }
                copy = ct.request.retainedDuplicate();
                scheduleRetransmit(ct, loop, ct.invite ? delay * 2 : Math.min(delay * 2, ctx.timers.t2Millis()));
            }
            ctx.sender.send(ct.target, copy);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Timer C after ringing: give up on the callee by cancelling. */
    void startTimerC(ClientTransaction ct, EventExecutor loop) {
        if (ct.timeoutTimer != null) {
            ct.timeoutTimer.cancel(false);
        }
        ct.timeoutTimer = loop.schedule(() -> {
            synchronized (ct.server) {
                if (ct.finalStatus != 0 || ct.cancelSent) {
                    return;
                }
                cancel(ct, loop);
            }
        }, TIMER_C_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void timeout(ClientTransaction ct, EventExecutor loop) {
        synchronized (ct.server) {
            if (ct.finalStatus != 0 || ct.invite && ct.provisional) {
                return;
            }
            ct.finalStatus = 408;
            ct.stopRetransmitting();
            ctx.transactions.retireAfterFinal(ct, loop);
        }
        if (ct.branch != null && ct.server.client == ct) {
            replies.respond(ct.server, loop, 408, Responses.phrase(408));
            CallRecord call = ct.server.call;
            if (call != null && call.failed(408)) {
                ctx.emit(CallEvent.Type.FAILED, 408, call);
            }
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
