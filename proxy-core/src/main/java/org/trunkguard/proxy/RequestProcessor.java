package org.trunkguard.proxy;

import io.netty.util.concurrent.EventExecutor;
import org.trunkguard.proxy.transaction.Destination;
import org.trunkguard.proxy.transaction.ServerInviteTransaction;
import org.trunkguard.proxy.transaction.ServerNonInviteTransaction;
import org.trunkguard.proxy.transaction.ServerTransaction;
import org.trunkguard.proxy.transaction.TransactionLayer;
import org.trunkguard.proxy.trunk.RegisterPolicy;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.InboundSip;
import org.trunkguard.sip.Methods;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipSanity;
import org.trunkguard.sip.Transport;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/**
 * What the proxy does with a well-formed request from a known trunk (RFC 3261 §16.3–16.6):
 * hand retransmissions to their server transaction, match ACK and CANCEL, refuse hop and loop
 * limits, answer OPTIONS to itself, route in-dialog requests along the call, and judge then
 * forward or reject new calls.
 */
final class RequestProcessor {
    /** Marking header (see README "Marked calls"): modelled on the 3GPP verstat parameter. */
    static final String MARK_HEADER = "X-Trunkguard-Mark";
    /** The trace record could not be written: the call is refused rather than let through untraced. */
    static final Verdict TRACE_UNAVAILABLE = new Verdict(Action.THROTTLE, "trace-unavailable",
            "the trace record of this call could not be written", 503, 5);

    /** REGISTER from a trunk whose policy is {@code refuse}. */
    static final Verdict REGISTER_REFUSED = new Verdict(Action.REJECT, "register-policy",
            "this trunk is known by its address and may not register", 403, 0);

    private final ProxyContext ctx;
    private final Replies replies;
    private final Forwarding forwarding;

    RequestProcessor(ProxyContext ctx, Replies replies, Forwarding forwarding) {
        this.ctx = ctx;
        this.replies = replies;
        this.forwarding = forwarding;
    }

    /** Takes ownership of the message; routes by the trunk table it was classified with. */
    void process(ClassifiedSip classified, EventExecutor loop) {
        InboundSip in = classified.inbound();
        Trunk trunk = classified.trunk();
        Trunk core = classified.core();
        SipMessage request = in.message();
        Destination source = new Destination(in.sender(), in.transport(), in.transport() == Transport.UDP ? null : in.channel());
        TransactionLayer layer = ctx.layer(loop);
        switch (request.method()) {
            case Methods.ACK -> ack(request, source, trunk, core, layer);
            case Methods.CANCEL -> cancel(request, source, layer);
            default -> newTransaction(request, source, trunk, core, layer, in.receivedNanos());
        }
    }

    private void newTransaction(SipMessage request, Destination source, Trunk trunk, Trunk core, TransactionLayer layer,
                                long receivedNanos) {
        String key = TransactionLayer.serverKey(request, null);
        ServerTransaction existing = layer.server(key);
        if (existing != null) {
            existing.onRetransmission();
            request.release();
            return;
        }
        ServerTransaction txn = Methods.INVITE.equals(request.method())
                ? new ServerInviteTransaction(layer, key, request, source, ctx.identity.newTag())
                : new ServerNonInviteTransaction(layer, key, request, source, ctx.identity.newTag());
        layer.add(txn);
        if (txn.isInvite()) {
            replies.respond(txn, 100, "Trying");
        }
        int maxForwards = SipSanity.maxForwards(request);
        boolean toProxy = ctx.identity.isRequestUriOfProxy(request.requestUri());
        if (Methods.OPTIONS.equals(request.method()) && toProxy) {
            replies.respond(txn, 200, "OK", "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS");
        } else if (maxForwards == 0) {
            replies.respond(txn, 483, Responses.phrase(483));
        } else if (request.firstLine(SipHeader.PROXY_REQUIRE) >= 0) {
            replies.respond(txn, 420, Responses.phrase(420),
                    "Unsupported: " + String.join(", ", SipSanity.proxyRequire(request)));
        } else if (looped(request)) {
            ctx.counters.loopsDetected.increment();
            replies.respond(txn, 482, Responses.phrase(482));
        } else if (request.to().tag() != null) {
            inDialog(txn, trunk, core, layer);
        } else if (trunk.isCore()) {
            replies.respond(txn, 404, "No route for requests from the core");
        } else if (txn.isInvite()) {
            newCall(txn, trunk, core, layer, receivedNanos);
        } else {
            outOfDialog(txn, trunk, core, layer);
        }
    }

    /**
     * An out-of-dialog request other than INVITE. One toward a subscriber (a MESSAGE, or any
     * request whose Request-URI names a user: SUBSCRIBE, OPTIONS, REFER, ...) presents a calling
     * identity as a call does and is judged first, by the caller-ID rules (MESSAGE also by the
     * volume rules, {@link CallJudge#judgeRequest}); the rest (an OPTIONS ping to the core's host)
     * is forwarded as it is. REGISTER follows the trunk's {@link RegisterPolicy}.
     */
    private void outOfDialog(ServerTransaction txn, Trunk trunk, Trunk core, TransactionLayer layer) {
        SipMessage request = txn.request();
        String mark = null;
        boolean register = Methods.REGISTER.equals(request.method());
        if (register && trunk.register() == RegisterPolicy.REFUSE) {
            ctx.counters.requestsRefused.increment();
            refuse(txn, REGISTER_REFUSED);
            return;
        }
        if (register || Methods.MESSAGE.equals(request.method()) || namesUser(request.requestUri())) {
            CallRecord record = new CallRecord(request.callId(), trunk, txn.source(), request.header(SipHeader.FROM),
                    request.requestUri(), request.header(SipHeader.TO), request.header(SipHeader.P_ASSERTED_IDENTITY),
                    ctx.clock.millis());
            Verdict verdict = ctx.judge.judgeRequest(trunk, request, record);
            if (verdict.blocksCall()) {
                ctx.counters.requestsRefused.increment();
                refuse(txn, verdict);
                return;
            }
            mark = markLine(verdict);
        }
        forwarding.forward(txn, layer, destination(core), false, mark, null);
    }

    /** True when a SIP or tel URI has a user part: it addresses a subscriber, not a host. */
    private static boolean namesUser(String requestUri) {
        return requestUri.indexOf('@') > 0 || requestUri.regionMatches(true, 0, "tel:", 0, 4);
    }

    private void refuse(ServerTransaction txn, Verdict verdict) {
        String[] extra = verdict.retryAfterSeconds() > 0
                ? new String[] {reason(verdict), "Retry-After: " + verdict.retryAfterSeconds()}
                : new String[] {reason(verdict)};
        replies.respond(txn, verdict.sipStatus(), Responses.phrase(verdict.sipStatus()), extra);
    }

    private static String markLine(Verdict verdict) {
        return verdict.action() == Action.MARK
                ? MARK_HEADER + ": suspect;rule=" + verdict.ruleId() + ";reason=\"" + verdict.reason().replace("\"", "'") + "\""
                : null;
    }

    private void newCall(ServerTransaction txn, Trunk trunk, Trunk core, TransactionLayer layer, long receivedNanos) {
        SipMessage invite = txn.request();
        CallRecord call = new CallRecord(invite.callId(), trunk, txn.source(), invite.header(SipHeader.FROM),
                invite.requestUri(), invite.header(SipHeader.TO), invite.header(SipHeader.P_ASSERTED_IDENTITY),
                ctx.clock.millis());
        long started = System.nanoTime();
        Verdict verdict = ctx.judge.judge(trunk, invite, call);
        ctx.observer.decided(System.nanoTime() - started);
        try {
            call.verdict(verdict);
            ctx.observer.recordDecision(call);
        } catch (java.io.IOException e) {
            ctx.counters.traceFailures.increment();
            verdict = TRACE_UNAVAILABLE;
            call.verdict(verdict);
        }
        ctx.emit(CallEvent.Type.ATTEMPT, 0, call);
        if (verdict.blocksCall()) {
            ctx.counters.callsRejected.increment();
            String[] extra = verdict.retryAfterSeconds() > 0
                    ? new String[] {reason(verdict), "Retry-After: " + verdict.retryAfterSeconds()}
                    : new String[] {reason(verdict)};
            replies.respond(txn, verdict.sipStatus(), Responses.phrase(verdict.sipStatus()), extra);
            call.failed(verdict.sipStatus());
            ctx.emit(CallEvent.Type.FAILED, verdict.sipStatus(), call);
            return;
        }
        ctx.counters.callsForwarded.increment();
        ctx.calls.put(call);
        forwarding.forward(txn, layer, destination(core), true, markLine(verdict), call);
        ctx.observer.forwarded(System.nanoTime() - receivedNanos);
    }

    private static String reason(Verdict verdict) {
        return Responses.reasonLine(verdict.sipStatus(), verdict.ruleId() + ": " + verdict.reason());
    }

    /** Requests inside a dialog follow the call: from the core to the caller, otherwise to the core. */
    private void inDialog(ServerTransaction txn, Trunk trunk, Trunk core, TransactionLayer layer) {
        CallRecord call = ctx.calls.get(txn.request().callId());
        if (call == null || !trunk.isCore() && !call.trunk().id().equals(trunk.id())) {
            replies.respond(txn, 481, Responses.phrase(481));
            return;
        }
        Destination target = trunk.isCore() ? call.caller() : destination(core);
        if (Methods.BYE.equals(txn.request().method()) && call.ended(ctx.clock.millis())) {
            ctx.emit(CallEvent.Type.ENDED, 0, call);
        }
        forwarding.forward(txn, layer, target, false, null, call);
    }

    /**
     * An ACK with the branch of a server transaction that sent a non-2xx final response is that
     * transaction's (RFC 3261 §17.2.1) and stops here; any other ACK (of a 2xx, RFC 3261 §13.2.2.4)
     * follows its call end to end.
     */
    private void ack(SipMessage ack, Destination source, Trunk trunk, Trunk core, TransactionLayer layer) {
        try {
            if (layer.server(TransactionLayer.serverKey(ack, Methods.INVITE)) instanceof ServerInviteTransaction invite
                    && invite.onAck()) {
                return;
            }
            CallRecord call = ctx.calls.get(ack.callId());
            if (call != null && (trunk.isCore() || call.trunk().id().equals(trunk.id()))) {
                forwarding.forwardStateless(ack, source, trunk.isCore() ? call.caller() : destination(core));
            }
        } finally {
            ack.release();
        }
    }

    /**
     * CANCEL (RFC 3261 §16.10): answered 200 at once, hop by hop; the INVITE's branch is
     * cancelled, and its 487 comes back through it.
     */
    private void cancel(SipMessage cancel, Destination source, TransactionLayer layer) {
        try {
            ServerTransaction invite = layer.server(TransactionLayer.serverKey(cancel, Methods.INVITE));
            if (invite == null) {
                replies.stateless(cancel, source, 481, Responses.phrase(481));
                return;
            }
            replies.stateless(cancel, source, 200, "OK");
            if (!invite.awaitingFinal() || invite.cancelled()) {
                return;
            }
            invite.markCancelled();
            Forwarding.cancel(invite);
        } finally {
            cancel.release();
        }
    }

    /**
     * RFC 3261 §16.3 step 4: our own branch in a Via of a request means it came back to us. Our
     * branches carry a random per-boot prefix, so finding it in a Via line is enough; sanity has
     * already parsed every Via, so they are not parsed again here.
     */
    private boolean looped(SipMessage request) {
        String ours = ctx.identity.branchPrefix();
        for (int i = 0; i < request.headerLineCount(); i++) {
            if (request.headerAt(i) == SipHeader.VIA && request.valueAt(i).contains(ours)) {
                return true;
            }
        }
        return false;
    }

    private static Destination destination(Trunk core) {
        return new Destination(core.nextHop(), core.nextHopTransport(), null);
    }
}
