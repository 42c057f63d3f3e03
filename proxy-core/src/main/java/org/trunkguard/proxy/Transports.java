package org.trunkguard.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
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

    /**
     * Binds the UDP port once per event loop with SO_REUSEPORT where epoll is in use, so the
     * kernel spreads peers over the loops (DESIGN.md §8); NIO gets one socket.
     */
    Channel[] bindDatagrams(Bootstrap bootstrap, InetSocketAddress address, int loops) throws InterruptedException {
        int count = epoll ? loops : 1;
        Bootstrap b = epoll ? bootstrap.clone().option(EpollChannelOption.SO_REUSEPORT, true) : bootstrap;
        Channel[] sockets = new Channel[count];
        for (int i = 0; i < count; i++) {
            sockets[i] = b.bind(address).sync().channel();
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
