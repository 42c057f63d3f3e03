package org.trunkguard.proxy;

import io.netty.util.concurrent.EventExecutor;
import org.trunkguard.proxy.transaction.ClientTransaction;
import org.trunkguard.proxy.transaction.TransactionLayer;
import org.trunkguard.sip.InboundSip;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Via;

/**
 * Responses to requests the proxy sent (RFC 3261 §17.1.3): matched to the client transaction by
 * our branch (and the method, for CANCEL), accepted only from the address the request went to,
 * and handed to that transaction. Responses nobody asked for are dropped and counted.
 */
final class ResponseProcessor {
    private final ProxyContext ctx;

    ResponseProcessor(ProxyContext ctx) {
        this.ctx = ctx;
    }

    /** Takes ownership of the message. */
    void process(InboundSip in, EventExecutor loop) {
        SipMessage response = in.message();
        try {
            Via top = response.topVia();
            TransactionLayer layer = ctx.layer(loop);
            ClientTransaction ct = ctx.identity.isOurs(top)
                    ? layer.client(TransactionLayer.clientKey(top.branch(), response.cseq().method()))
                    : null;
            if (ct == null || !ct.target().address().getAddress().equals(in.sender().getAddress())) {
                ctx.counters.strayResponses.increment();
                return;
            }
            ct.onResponse(response);
        } finally {
            response.release();
        }
    }
}
