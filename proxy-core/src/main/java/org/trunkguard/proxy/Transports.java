package org.trunkguard.proxy;

import io.netty.channel.EventLoopGroup;
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
