package org.trunkguard.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.trunkguard.proxy.transaction.Destination;
import org.trunkguard.sip.Transport;

/**
 * Puts bytes on the wire. UDP goes out of the proxy's one UDP socket, so replies come from the
 * port peers know. TCP goes over the connection the peer opened, or, toward a next hop, over the
 * proxy's own connection to it, opened on first use and reopened when it closes.
 */
public final class Sender {
    /** One UDP socket per owning event loop, all bound to the same port (SO_REUSEPORT); or just one. */
    private volatile LoopOwners owners;
    private final Bootstrap tcpClient;
    private final ProxyCounters counters;
    private final ConcurrentMap<InetSocketAddress, ChannelFuture> connections = new ConcurrentHashMap<>();

    public Sender(Bootstrap tcpClient, ProxyCounters counters) {
        this.tcpClient = tcpClient;
        this.counters = counters;
    }

    /** The UDP sockets exist only once bound, after the pipeline that uses this sender is built. */
    void attachUdp(LoopOwners loopOwners) {
        this.owners = loopOwners;
    }

    /** Sends and takes ownership of {@code message}. */
    public void send(Destination to, ByteBuf message) {
        if (to.transport() == Transport.UDP) {
            sendDatagram(new DatagramPacket(message, to.address()));
            return;
        }
        Channel channel = to.channel();
        if (channel != null) {
            if (channel.isActive()) {
                channel.writeAndFlush(message, channel.voidPromise());
            } else {
                message.release();
                counters.sendFailures.increment();
            }
            return;
        }
        ChannelFuture connection = connections.compute(to.address(), (address, existing) ->
                existing != null && (!existing.isDone() || existing.channel().isActive()) ? existing : connect(address));
        connection.addListener(f -> {
            if (f.isSuccess() && connection.channel().isActive()) {
                connection.channel().writeAndFlush(message, connection.channel().voidPromise());
            } else {
                message.release();
                counters.sendFailures.increment();
            }
        });
    }

    /**
     * Sends from the UDP socket of the current event loop when it has one (no hand-over between
     * threads; flushed once after the loop's current work), otherwise from the first socket.
     * All share one port.
     */
    private void sendDatagram(DatagramPacket packet) {
        LoopOwner here = owners.current();
        if (here != null && here.udp() != null) {
            here.write(packet);
            return;
        }
        Channel socket = owners.first().udp();
        socket.writeAndFlush(packet, socket.voidPromise());
    }

    private ChannelFuture connect(InetSocketAddress address) {
        ChannelFuture future = tcpClient.connect(address);
        future.channel().closeFuture().addListener(f -> connections.remove(address, future));
        return future;
    }

    public void closeConnections() {
        connections.values().forEach(f -> f.channel().close());
    }
}
