package org.trunkguard.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.proxy.trunk.TrunkTable;
import org.trunkguard.sip.InboundSip;

/**
 * Stage 1: who is talking. A message from an address of no configured trunk is dropped without
 * a word, malformed or not: no amplification, nothing for scanners. It is only counted.
 * This runs before the sanity stage so that not even a 400 goes to an unknown source.
 */
@ChannelHandler.Sharable
final class TrunkClassifierHandler extends ChannelInboundHandlerAdapter {
    private final ProxyContext context;
    private final ProxyCounters counters;

    TrunkClassifierHandler(ProxyContext context, ProxyCounters counters) {
        this.context = context;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof InboundSip in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        TrunkTable trunks = context.trunks;
        Trunk trunk = trunks.classify(in.sender().getAddress());
        if (trunk == null) {
            counters.unknownSources.increment();
            in.message().release();
            return;
        }
        ctx.fireChannelRead(new ClassifiedSip(in, trunk, trunks.core()));
    }
}
