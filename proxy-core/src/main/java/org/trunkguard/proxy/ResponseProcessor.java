package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.sip.InboundSip;
import org.trunkguard.sip.Methods;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipMessageWriter;
import org.trunkguard.sip.Via;

/**
 * Responses to requests the proxy forwarded (RFC 3261 §16.7): matched to the client transaction
 * by our branch, accepted only from the address the request went to, stripped of our Via and
 * relayed to where the request came from. 100 Trying is hop by hop and stops here; a non-2xx
 * final response to an INVITE is acknowledged here; responses nobody asked for are dropped.
 */
final class ResponseProcessor {
    private final ProxyContext ctx;
    private final Replies replies;
    private final Forwarding forwarding;

    ResponseProcessor(ProxyContext ctx, Replies replies, Forwarding forwarding) {
        this.ctx = ctx;
        this.replies = replies;
        this.forwarding = forwarding;
    }

    /** Takes ownership of the message. */
    void process(InboundSip in, EventExecutor loop) {
        SipMessage response = in.message();
        try {
            Via top = response.topVia();
            ClientTransaction ct = ctx.identity.isOurs(top)
                    ? ctx.transactions.clients.get(Transactions.clientKey(top.branch(), response.cseq().method()))
                    : null;
            if (ct == null || !ct.target.address().getAddress().equals(in.sender().getAddress())) {
                ctx.counters.strayResponses.increment();
                return;
            }
            if (Methods.CANCEL.equals(response.cseq().method())) {
                synchronized (ct.server) {
                    if (response.statusCode() >= 200 && ct.finalStatus == 0) {
                        ct.finalStatus = response.statusCode();
                        ct.stopRetransmitting();
                        ctx.transactions.retireAfterFinal(ct, loop);
                    }
                }
                return;
            }
            relay(ct, response, loop);
        } finally {
            response.release();
        }
    }

    private void relay(ClientTransaction ct, SipMessage response, EventExecutor loop) {
        int status = response.statusCode();
        ServerTransaction st = ct.server;
        boolean sendCancel = false;
        synchronized (st) {
            if (status < 200) {
                if (!ct.provisional) {
                    ct.provisional = true;
                    if (ct.invite) {
                        ct.stopRetransmitting();
                        forwarding.startTimerC(ct, loop);
                        sendCancel = ct.cancelPending && !ct.cancelSent;
                    }
                }
            } else if (status >= 300 && ct.invite) {
                forwarding.ack(ct, response.header(SipHeader.TO));
                if (ct.finalStatus != 0) {
                    ctx.counters.retransmissionsAbsorbed.increment();
                    return;
                }
            }
            if (status >= 200 && ct.finalStatus == 0) {
                ct.finalStatus = status;
                if (status < 300) {
                    ct.hop = null; // a 2xx is acknowledged end to end and nothing is cancelled after it
                }
                ct.release();
                ctx.transactions.retireAfterFinal(ct, loop);
            }
        }
        if (sendCancel) {
            synchronized (st) {
                forwarding.cancel(ct, loop);
            }
        }
        if (status == 100) {
            return;
        }
        replies.send(st, loop, withoutTopVia(response), status);
        ctx.counters.responsesRelayed.increment();
        if (ct.invite && st.client == ct) {
            lifeCycle(st, status);
        }
    }

    private void lifeCycle(ServerTransaction st, int status) {
        CallRecord call = st.call;
        if (call == null) {
            return;
        }
        long now = ctx.clock.millis();
        if (status == 180 || status == 183) {
            if (call.ringing(now)) {
                ctx.emit(CallEvent.Type.RINGING, status, call);
            }
        } else if (status >= 200 && status < 300) {
            if (call.answered(now, status)) {
                ctx.emit(CallEvent.Type.ANSWERED, status, call);
            }
        } else if (status >= 300 && call.failed(status)) {
            boolean cancelled;
            synchronized (st) {
                cancelled = st.cancelled;
            }
            ctx.emit(cancelled && status == 487 ? CallEvent.Type.CANCELLED : CallEvent.Type.FAILED, status, call);
            ctx.calls.remove(call);
        }
    }

    /** The response minus the first value of its first Via line, which is ours. */
    private ByteBuf withoutTopVia(SipMessage response) {
        ByteBuf out = ctx.alloc.buffer(SipMessageWriter.sizeHint(response, 0));
        SipMessageWriter.startLine(out, response);
        int firstVia = response.firstLine(SipHeader.VIA);
        for (int i = 0; i < response.headerLineCount(); i++) {
            if (i != firstVia) {
                SipMessageWriter.copyLine(out, response, i);
                continue;
            }
            String value = response.valueAt(i);
            if (value.indexOf(',') < 0) {
                continue; // our Via on a line of its own, as the proxy always writes it: drop the line
            }
            List<String> values = new ArrayList<>(2);
            SipMessage.splitValues(value, values);
            if (values.size() > 1) {
                SipMessageWriter.header(out, SipHeader.VIA, String.join(", ", values.subList(1, values.size())));
            }
        }
        SipMessageWriter.endHeaders(out);
        SipMessageWriter.body(out, response);
        return out;
    }
}
