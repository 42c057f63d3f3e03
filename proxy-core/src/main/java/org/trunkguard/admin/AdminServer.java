package org.trunkguard.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoint, on its own port and its own single event-loop thread, apart
 * from the SIP event loops so a scrape never delays a call:
 *
 * <table>
 * <caption>Routes</caption>
 * <tr><th>request</th><th>answer</th></tr>
 * <tr><td>{@code GET /metrics}</td><td>200, Prometheus text format 0.0.4</td></tr>
 * <tr><td>{@code GET /health}</td><td>200 {@code {"status":"ok","uptimeSeconds":N}}; 503 while not ready</td></tr>
 * <tr><td>{@code GET /penalty-box}</td><td>200, JSON array of the boxed callers</td></tr>
 * <tr><td>{@code POST /penalty-box/lift?caller=N}</td><td>200 when lifted, 404 when not boxed, 400 without caller</td></tr>
 * <tr><td>{@code POST /reload}</td><td>200 when applied; 409 {@code {"error":"..."}} when refused</td></tr>
 * </table>
 *
 * Other paths answer 404, a known path with the wrong method 405 (with Allow), a failure 500
 * with a one-line message. Bodies above {@link #MAX_REQUEST_BYTES} are refused with 413.
 * Plain NIO is enough for a port scraped every few seconds.
 */
public final class AdminServer implements AutoCloseable {
    /** The largest request the endpoint reads: its requests carry no body worth more. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final InetSocketAddress address;
    private final ProxyMetrics metrics;
    private final AdminActions actions;
    private final Clock clock;
    private EventLoopGroup group;
    private ExecutorService worker;
    private Channel channel;

    /**
     * @param address where to listen; port 0 picks a free port ({@link #start()} returns it)
     * @param metrics served at {@code /metrics}
     * @param actions readiness, penalty box and reload
     * @param clock   times the uptime in {@code /health}
     */
    public AdminServer(InetSocketAddress address, ProxyMetrics metrics, AdminActions actions, Clock clock) {
        this.address = Objects.requireNonNull(address, "address");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Binds and starts serving.
     *
     * @return the address bound (with the real port when 0 was asked)
     * @throws IOException when the address cannot be bound, with the address in the message
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (channel != null) {
            throw new IllegalStateException("admin endpoint already started on " + channel.localAddress());
        }
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("trunkguard-admin", true),
                NioIoHandler.newFactory());
        worker = Executors.newSingleThreadExecutor(new DefaultThreadFactory("trunkguard-admin-reload", true));
        AdminHandler handler = new AdminHandler(metrics, actions, clock, worker);
        ChannelFuture bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("http", new HttpServerCodec())
                                .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast("admin", handler);
                    }
                })
                .bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            stop();
            Throwable cause = bound.cause();
            throw new IOException("admin endpoint cannot listen on " + address.getHostString() + ":"
                    + address.getPort() + ": " + cause.getMessage(), cause);
        }
        channel = bound.channel();
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        LOG.info("admin endpoint on http://{}:{}/ (metrics, health, penalty-box, reload)",
                local.getHostString(), local.getPort());
        return local;
    }

    /** The bound address, or null before {@link #start()}. */
    public synchronized InetSocketAddress boundAddress() {
        return channel == null ? null : (InetSocketAddress) channel.localAddress();
    }

    /** Stops listening and releases the threads; a reload in progress finishes first. */
    public synchronized void stop() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
