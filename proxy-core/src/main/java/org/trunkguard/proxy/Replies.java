package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import org.trunkguard.proxy.transaction.Destination;
import org.trunkguard.proxy.transaction.ServerTransaction;
import org.trunkguard.sip.SipMessage;

/**
 * Responses the proxy writes itself: within a server transaction (which then retransmits and
 * absorbs as its state machine says), or statelessly for requests that have none.
 */
final class Replies {
    private final ProxyContext ctx;

    Replies(ProxyContext ctx) {
        this.ctx = ctx;
    }

    /** Answers a request that has no transaction (CANCEL without match, malformed requests). */
    void stateless(SipMessage request, Destination source, int status, String phrase, String... extra) {
        ByteBuf response = Responses.build(ctx.alloc, request, source.address(), status, phrase,
                ctx.identity.newTag(), extra);
        ctx.sender.send(source, response);
    }

    /** The proxy's own response within a transaction; none once a final response has been sent. */
    void respond(ServerTransaction txn, int status, String phrase, String... extra) {
        SipMessage request = txn.request();
        if (request == null) {
            return;
        }
        txn.send(Responses.build(ctx.alloc, request, txn.source().address(), status, phrase, txn.toTag(), extra), status);
    }
}
