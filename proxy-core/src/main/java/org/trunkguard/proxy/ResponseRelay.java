package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import org.trunkguard.proxy.transaction.ClientTransaction;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipMessageWriter;

/**
 * What the proxy core does with the responses its client transactions pass up (RFC 3261 §16.7):
 * 100 Trying stops here (it is hop by hop); every other response loses our Via and goes to the
 * server transaction, which sends it to where the request came from. The INVITE's responses
 * drive the call's life cycle: ringing, answered, failed or cancelled.
 */
final class ResponseRelay {
    private final ProxyContext ctx;
    private final Replies replies;

    ResponseRelay(ProxyContext ctx, Replies replies) {
        this.ctx = ctx;
        this.replies = replies;
    }

    void provisional(ProxiedRequest request, ClientTransaction branch, SipMessage response) {
        int status = response.statusCode();
        if (status == 100) {
            return;
        }
        relay(request, response, status);
        CallRecord call = request.call;
        if (branch.isInvite() && call != null && (status == 180 || status == 183) && call.ringing(ctx.clock.millis())) {
            ctx.emit(CallEvent.Type.RINGING, status, call);
        }
    }

    void finalResponse(ProxiedRequest request, ClientTransaction branch, SipMessage response, boolean retransmission) {
        int status = response.statusCode();
        relay(request, response, status);
        CallRecord call = request.call;
        if (retransmission || call == null) {
            return;
        }
        request.call = null; // nothing after the final response needs it; the call table keeps a live call
        if (!branch.isInvite()) {
            if (request.endsCall) {
                ctx.calls.remove(call); // the BYE's own server transaction absorbs its retransmissions from now on
            }
            return;
        }
        if (status < 300) {
            if (call.answered(ctx.clock.millis(), status)) {
                ctx.emit(CallEvent.Type.ANSWERED, status, call);
            }
        } else if (call.failed(status)) {
            boolean cancelled = request.server.cancelled() && status == 487;
            ctx.emit(cancelled ? CallEvent.Type.CANCELLED : CallEvent.Type.FAILED, status, call);
            ctx.calls.remove(call);
        }
    }

    /** Timer B or F: the next hop never answered. The caller gets 408 (RFC 3261 §16.7 step 6). */
    void timeout(ProxiedRequest request, ClientTransaction branch) {
        replies.respond(request.server, 408, Responses.phrase(408));
        CallRecord call = request.call;
        if (call == null) {
            return;
        }
        request.call = null;
        if (branch.isInvite() && call.failed(408)) {
            ctx.emit(CallEvent.Type.FAILED, 408, call);
        }
        if (branch.isInvite() || request.endsCall) {
            ctx.calls.remove(call);
        }
    }

    private void relay(ProxiedRequest request, SipMessage response, int status) {
        request.server.send(withoutTopVia(response), status);
        ctx.counters.responsesRelayed.increment();
    }

    /** The response minus the first value of its first Via line, which is ours. */
    private ByteBuf withoutTopVia(SipMessage response) {
        ByteBuf out = ctx.alloc.buffer(SipMessageWriter.sizeHint(response, 0));
        SipMessageWriter.startLine(out, response);
        int firstVia = response.firstLine(SipHeader.VIA);
        int lines = response.headerLineCount();
        if (firstVia < 0) {
            SipMessageWriter.copyLines(out, response, 0, lines);
        } else {
            SipMessageWriter.copyLines(out, response, 0, firstVia);
            // Our Via is on a line of its own as the proxy always writes it, and then the line goes;
            // otherwise the other values stay, byte for byte.
            SipMessageWriter.copyLineWithoutFirstValue(out, response, firstVia, SipHeader.VIA);
            SipMessageWriter.copyLines(out, response, firstVia + 1, lines);
        }
        SipMessageWriter.endHeaders(out);
        SipMessageWriter.body(out, response);
        return out;
    }
}
