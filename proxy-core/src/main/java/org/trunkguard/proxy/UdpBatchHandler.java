package org.trunkguard.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * First stage of a UDP pipeline: while the datagrams of one read are being handled, what the
 * proxy sends from this loop is written without a flush, and flushed once when the read is
 * complete. Several datagrams then leave in one sendmmsg instead of one sendto each, which was
 * the largest single cost in the profile (bench/RESULTS.md). Sends outside a read (timers,
 * other loops) flush at once.
 */
@ChannelHandler.Sharable
final class UdpBatchHandler extends ChannelInboundHandlerAdapter {
    private static final FastThreadLocal<Boolean> READING = new FastThreadLocal<>() {
        @Override
        protected Boolean initialValue() {
            return Boolean.FALSE;
        }
    };

    /** True on a UDP event loop while it handles a read: a send may wait for the flush at its end. */
    static boolean batching() {
        return READING.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        READING.set(Boolean.TRUE);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        READING.set(Boolean.FALSE);
        ctx.channel().flush();
        ctx.fireChannelReadComplete();
    }
}
