package org.trunkguard.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trunkguard.trace.UntrustedText;

/**
 * Stage 4: transactions, routing and the verdict. Anything unexpected thrown while handling one
 * message is logged and the message dropped: a bug must cost one message, never the proxy.
 */
@ChannelHandler.Sharable
final class ProxyHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final RequestProcessor requests;
    private final ResponseProcessor responses;
    private final ProxyCounters counters;

    ProxyHandler(RequestProcessor requests, ResponseProcessor responses, ProxyCounters counters) {
        this.requests = requests;
        this.responses = responses;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ClassifiedSip classified)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (classified.inbound().message().isRequest()) {
                requests.process(classified, ctx.executor());
            } else {
                responses.process(classified.inbound(), ctx.executor());
            }
        } catch (RuntimeException e) {
            counters.internalErrors.increment();
            LOG.error("dropped {} from {}: {}", UntrustedText.escape(classified.inbound().message().toString()),
                    classified.inbound().sender(), e.toString(), e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof java.io.IOException)) {
            // An earlier stage threw (a decoder bug, say); a broken connection is not our error.
            counters.internalErrors.increment();
        }
        LOG.warn("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        if (!(ctx.channel() instanceof io.netty.channel.socket.DatagramChannel)) {
            ctx.close();
        }
    }
}
