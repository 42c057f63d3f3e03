package org.trunkguard.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stage 2: to the loop that owns the call. A decoded message goes on, on this loop, when its
 * Call-ID belongs here; otherwise it enters the owning loop's pipeline at the same point and
 * goes on there. Nothing else crosses between loops, so transactions need no locks.
 */
@ChannelHandler.Sharable
final class LoopDispatcher extends ChannelInboundHandlerAdapter {
    private final LoopOwners owners;

    LoopDispatcher(LoopOwners owners) {
        this.owners = owners;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        LoopOwner here = owners.ofDatagramStage(ctx);
        if (here != null) {
            here.entry(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ClassifiedSip classified) {
            LoopOwner owner = owners.owner(classified.inbound().message().callId());
            if (owner.takeOver(owner.entry(), msg)) {
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
