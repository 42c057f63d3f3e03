package org.trunkguard.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.trunkguard.proxy.transaction.ServerTransaction;
import org.trunkguard.proxy.transaction.TransactionLayer;
import org.trunkguard.sip.RawRequestHead;

/**
 * UDP stage between routing and decoding: a request that repeats a server transaction of this
 * loop (same branch, sent-by and method, from the transaction's own source) is handed to that
 * transaction as a retransmission at once, undecoded (RFC 3261 §17.2.3). When the proxy falls
 * behind, callers retransmit every T1 and doubling; each of those used to cost a full decode and
 * sanity check, which made the backlog grow faster than it drained. Everything else goes on to
 * the decoder unchanged, including a request whose head this scan cannot read.
 */
@ChannelHandler.Sharable
final class DatagramRetransmissions extends ChannelInboundHandlerAdapter {
    private final LoopOwners owners;

    DatagramRetransmissions(LoopOwners owners) {
        this.owners = owners;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet) {
            LoopOwner here = owners.on(ctx.executor());
            RawRequestHead head = here == null ? null : RawRequestHead.scan(packet.content());
            if (head != null) {
                ServerTransaction existing = here.layer.server(TransactionLayer.serverKey(head.topVia(), head.method()));
                if (existing != null && existing.source().address().equals(packet.sender())) {
                    existing.onRetransmission();
                    packet.release();
                    return;
                }
            }
        }
        ctx.fireChannelRead(msg);
    }
}
