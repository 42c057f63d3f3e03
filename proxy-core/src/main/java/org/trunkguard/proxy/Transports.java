package org.trunkguard.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import io.netty.channel.epoll.EpollChannelOption;
import java.net.InetSocketAddress;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Native epoll where it loads (Linux), NIO elsewhere: the channel classes and loops to match. */
final class Transports {
    private final boolean epoll;

    Transports(boolean preferNative) {
        this.epoll = preferNative && Epoll.isAvailable();
    }

    String name() {
        return epoll ? "epoll" : "nio";
    }

    EventLoopGroup group(int threads) {
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    /** The loops that get a UDP socket: every loop with epoll (SO_REUSEPORT), one with NIO. */
    EventLoop[] datagramLoops(EventLoopGroup group) {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor e : group) {
            loops.add((EventLoop) e);
            if (!epoll) {
                break;
            }
        }
        return loops.toArray(new EventLoop[0]);
    }

    /** Datagrams one read takes from the kernel with epoll: one recvmmsg call for up to this many. */
    static final int DATAGRAMS_PER_READ = 8;
    /** The largest UDP payload over IPv4 or IPv6 without jumbograms. */
    private static final int MAX_UDP_PAYLOAD = 65_535;

    /**
     * Binds the UDP port once on each owner's loop, with SO_REUSEPORT where epoll is in use so
     * every loop has a socket of its own on the one port to send from (DESIGN.md §8). Which socket
     * a datagram arrives on does not decide where it is handled (DatagramDispatcher).
     *
     * <p>Every datagram is received whole, up to {@code maxMessageBytes} (Netty's default buffer
     * of 2,048 bytes would cut RFC 4475's 3.5 KB longreq). With epoll a read is one recvmmsg for
     * up to {@link #DATAGRAMS_PER_READ} datagrams, each in a slot of that size; NIO reads one.
     */
    Channel[] bindDatagrams(Bootstrap bootstrap, InetSocketAddress address, LoopOwner[] owners, int maxMessageBytes)
            throws InterruptedException {
        int slot = Math.min(maxMessageBytes, MAX_UDP_PAYLOAD);
        Bootstrap b = epoll
                ? bootstrap.clone().option(EpollChannelOption.SO_REUSEPORT, true)
                        .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, slot)
                        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(slot * DATAGRAMS_PER_READ))
                : bootstrap.clone().option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(slot));
        Channel[] sockets = new Channel[owners.length];
        for (int i = 0; i < owners.length; i++) {
            sockets[i] = b.clone(owners[i].loop).bind(address).sync().channel();
            owners[i].bound(sockets[i]);
        }
        return sockets;
    }

    Class<? extends DatagramChannel> datagram() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    Class<? extends ServerChannel> server() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> client() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
