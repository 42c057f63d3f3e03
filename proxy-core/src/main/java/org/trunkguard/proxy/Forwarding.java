package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import org.trunkguard.proxy.transaction.ClientInviteTransaction;
import org.trunkguard.proxy.transaction.ClientNonInviteTransaction;
import org.trunkguard.proxy.transaction.ClientTransaction;
import org.trunkguard.proxy.transaction.Destination;
import org.trunkguard.proxy.transaction.HopRequests;
import org.trunkguard.proxy.transaction.ServerTransaction;
import org.trunkguard.proxy.transaction.TransactionLayer;
import org.trunkguard.sip.Methods;
import org.trunkguard.sip.SipMessage;

/**
 * Sends requests downstream (RFC 3261 §16.6 steps 8–11): through a new client transaction,
 * which retransmits, times out and builds its CANCEL and ACK as its state machine says; or,
 * for an ACK of a 2xx, statelessly.
 */
final class Forwarding {
    private final ProxyContext ctx;
    private final ResponseRelay relay;

    Forwarding(ProxyContext ctx, ResponseRelay relay) {
        this.ctx = ctx;
        this.relay = relay;
    }

    /** Forwards the server transaction's request to {@code target}; {@code call} is the call it belongs to, if any. */
    void forward(ServerTransaction txn, TransactionLayer layer, Destination target, boolean recordRoute, String markLine,
                 CallRecord call) {
        SipMessage request = txn.request();
        String branch = ctx.identity.newBranch();
        String via = ctx.identity.viaValue(target.transport(), branch);
        String rr = recordRoute ? ctx.identity.recordRouteLines(txn.source().transport(), target.transport()) : null;
        HopRequests.Builder hop = txn.isInvite() ? new HopRequests.Builder() : null;
        ByteBuf bytes = RequestForwarder.build(ctx.alloc, request,
                new RequestForwarder.Plan(txn.source().address(), via, rr, markLine, target.transport()), ctx.identity, hop);
        ProxiedRequest user = new ProxiedRequest(relay, txn, call, Methods.BYE.equals(request.method()));
        ClientTransaction ct = hop != null
                ? new ClientInviteTransaction(layer, branch, branch, target, user, hop.build(request.cseq().number()))
                : new ClientNonInviteTransaction(layer, TransactionLayer.clientKey(branch, request.method()), branch, target,
                        user);
        txn.forwardedAs(ct);
        layer.add(ct);
        ct.start(bytes);
        ctx.counters.requestsForwarded.increment();
    }

    /** Forwards a request without a transaction (ACK for 2xx, RFC 3261 §16.10 step 7 and §17.1.1.3). */
    void forwardStateless(SipMessage request, Destination source, Destination target) {
        String via = ctx.identity.viaValue(target.transport(), ctx.identity.newBranch());
        ByteBuf bytes = RequestForwarder.build(ctx.alloc, request,
                new RequestForwarder.Plan(source.address(), via, null, null, target.transport()), ctx.identity, null);
        ctx.sender.send(target, bytes);
        ctx.counters.requestsForwarded.increment();
    }

    /** Cancels the branch the INVITE was forwarded as (the caller's CANCEL, RFC 3261 §16.10). */
    static void cancel(ServerTransaction invite) {
        if (invite.client() instanceof ClientInviteTransaction branch) {
            branch.cancel();
        }
    }
}
