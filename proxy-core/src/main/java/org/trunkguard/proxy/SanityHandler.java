package org.trunkguard.proxy;

import org.trunkguard.proxy.transaction.Destination;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.trunkguard.sip.Methods;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipSanity;
import org.trunkguard.sip.Transport;

/**
 * Stage 3: is the message fit to act on (RFC 3261 §16.3 step 1). A malformed request gets the
 * status it deserves (400, 416, 501, 505, 513) with the problem as the reason phrase, answered
 * statelessly; an ACK is never answered; a malformed response is dropped. All are counted.
 */
@ChannelHandler.Sharable
final class SanityHandler extends ChannelInboundHandlerAdapter {
    private final Replies replies;
    private final ProxyCounters counters;

    SanityHandler(Replies replies, ProxyCounters counters) {
        this.replies = replies;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ClassifiedSip classified)) {
            ctx.fireChannelRead(msg);
            return;
        }
        SipMessage message = classified.inbound().message();
        if (SipSanity.check(message)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (!message.isRequest()) {
                counters.malformedResponses.increment();
                return;
            }
            counters.malformedRequests.increment();
            if (!Methods.ACK.equals(message.method())) {
                var in = classified.inbound();
                replies.stateless(message, new Destination(in.sender(), in.transport(),
                        in.transport() == Transport.TCP ? in.channel() : null), message.rejectStatus(), message.malformed());
            }
        } finally {
            message.release();
        }
    }
}
