package org.trunkguard.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
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

    /**
     * Binds the UDP port once on each owner's loop, with SO_REUSEPORT where epoll is in use so
     * every loop has a socket of its own on the one port to send from (DESIGN.md §8). Which socket
     * a datagram arrives on does not decide where it is handled (LoopDispatcher).
     */
    Channel[] bindDatagrams(Bootstrap bootstrap, InetSocketAddress address, LoopOwner[] owners) throws InterruptedException {
        Bootstrap b = epoll ? bootstrap.clone().option(EpollChannelOption.SO_REUSEPORT, true) : bootstrap;
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
