package org.trunkguard.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.trunkguard.sip.CallIdScan;

/**
 * Stage 1 of a UDP socket: each datagram goes, undecoded, to the loop that owns its call (found
 * from the Call-ID bytes alone). The kernel's SO_REUSEPORT hash picks the socket by peer, and a
 * carrier may have only two or three peers, so one socket often receives nearly everything;
 * handing the datagram over before the decoder lets every loop decode, screen and forward its
 * own share. A datagram without a Call-ID line stays here: the decoder answers it.
 */
@ChannelHandler.Sharable
final class DatagramDispatcher extends ChannelInboundHandlerAdapter {
    private final LoopOwners owners;

    DatagramDispatcher(LoopOwners owners) {
        this.owners = owners;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        LoopOwner here = owners.ofDatagramStage(ctx);
        if (here != null) {
            here.datagramEntry(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet) {
            long hash = CallIdScan.hash(packet.content());
            if (hash != CallIdScan.NONE) {
                LoopOwner owner = owners.owner((int) hash);
                if (owner.takeOver(owner.datagramEntry(), msg)) {
                    return; // the decoder and every later stage run on the owner's loop
                }
            }
        }
        ctx.fireChannelRead(msg);
    }
}
