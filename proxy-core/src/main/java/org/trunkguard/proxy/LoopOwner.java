package org.trunkguard.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import org.trunkguard.proxy.transaction.TransactionLayer;

/**
 * One event loop that owns calls: its UDP socket (every loop has one, all bound to the proxy's
 * port), the transactions of the calls whose Call-ID hashes to it, and its timers.
 *
 * <p>Datagrams sent while the loop works are written without a flush; one flush, queued behind
 * the work already waiting, sends them all in one sendmmsg. A proxied call is fourteen datagrams
 * in and out, and one system call per datagram was the largest single cost in the profile.
 */
final class LoopOwner {
    final EventLoop loop;
    final TransactionLayer layer;
    private volatile Channel udp;
    /** The dispatch stage of this loop's UDP pipeline: messages handed over from other loops enter here. */
    private volatile ChannelHandlerContext entry;
    /** The first stage of this loop's UDP pipeline: datagrams handed over, undecoded, enter here. */
    private volatile ChannelHandlerContext datagramEntry;
    private boolean flushPending;
    private final Runnable flush = this::flush;

    LoopOwner(EventLoop loop, TransactionLayer layer) {
        this.loop = loop;
        this.layer = layer;
    }

    void bound(Channel socket) {
        this.udp = socket;
    }

    Channel udp() {
        return udp;
    }

    void entry(ChannelHandlerContext context) {
        this.entry = context;
    }

    ChannelHandlerContext entry() {
        return entry;
    }

    void datagramEntry(ChannelHandlerContext context) {
        this.datagramEntry = context;
    }

    ChannelHandlerContext datagramEntry() {
        return datagramEntry;
    }

    /**
     * Passes {@code msg} on at {@code entry}, a stage of this loop's UDP pipeline, when the
     * current thread is another loop; Netty then runs the rest of the pipeline here. False, and
     * nothing done, when the caller is this loop already or the entry is not registered yet.
     */
    boolean takeOver(ChannelHandlerContext entry, Object msg) {
        if (loop.inEventLoop() || entry == null) {
            return false;
        }
        entry.fireChannelRead(msg);
        return true;
    }

    /** Sends from this loop's socket; call on this loop. */
    void write(DatagramPacket packet) {
        udp.write(packet, udp.voidPromise());
        if (!flushPending) {
            flushPending = true;
            loop.execute(flush);
        }
    }

    private void flush() {
        flushPending = false;
        udp.flush();
    }
}
