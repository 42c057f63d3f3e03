package org.trunkguard.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.EventExecutor;
import org.trunkguard.proxy.transaction.TransactionLayer;

/**
 * The event loops that own calls, and which one owns a given call: the Call-ID's hash decides, so
 * every message of a call (requests both ways, responses, CANCEL, ACK, timers) is handled on one
 * loop, whichever socket or connection it came in on. The kernel's SO_REUSEPORT hash, which put
 * both peers of a two-peer set-up on one socket, no longer decides where the work is done.
 */
final class LoopOwners {
    private final LoopOwner[] owners;

    LoopOwners(LoopOwner[] owners) {
        this.owners = owners.clone();
    }

    LoopOwner owner(String callId) {
        return callId == null ? owners[0] : owner(callId.hashCode());
    }

    /** The owner for a Call-ID's {@link String#hashCode()}, also computed from raw bytes (CallIdScan). */
    LoopOwner owner(int callIdHash) {
        if (owners.length == 1) {
            return owners[0];
        }
        int h = callIdHash ^ callIdHash >>> 16;
        return owners[(h & 0x7fffffff) % owners.length];
    }

    /** The owner running on {@code loop}, or null for a loop that owns no calls. */
    LoopOwner on(EventExecutor loop) {
        for (LoopOwner o : owners) {
            if (o.loop == loop) {
                return o;
            }
        }
        return null;
    }

    /** The owner of {@code ctx}'s loop when {@code ctx} is a stage of a UDP socket's pipeline, else null. */
    LoopOwner ofDatagramStage(ChannelHandlerContext ctx) {
        return ctx.channel() instanceof DatagramChannel ? on(ctx.channel().eventLoop()) : null;
    }

    /** The owner whose loop is the current thread, or null. */
    LoopOwner current() {
        for (LoopOwner o : owners) {
            if (o.loop.inEventLoop()) {
                return o;
            }
        }
        return null;
    }

    TransactionLayer layer(EventExecutor loop) {
        LoopOwner o = on(loop);
        if (o == null) {
            throw new IllegalStateException("no transactions on " + loop);
        }
        return o.layer;
    }

    LoopOwner[] all() {
        return owners.clone();
    }

    LoopOwner first() {
        return owners[0];
    }

    int transactionsInProgress() {
        int n = 0;
        for (LoopOwner o : owners) {
            n += o.layer.serverCount();
        }
        return n;
    }
}
