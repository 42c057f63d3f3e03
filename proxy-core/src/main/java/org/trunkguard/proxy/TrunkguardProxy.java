package org.trunkguard.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.proxy.transaction.TimerWheel;
import org.trunkguard.proxy.transaction.TransactionLayer;
import org.trunkguard.proxy.trunk.TrunkTable;
import org.trunkguard.sip.SipDatagramDecoder;
import org.trunkguard.sip.SipStreamDecoder;

/**
 * One running proxy: a UDP socket and a TCP listener on the configured address, and the
 * pipeline stages behind them: (UDP: route to the owning loop →) decode → trunk → dispatch → sanity → proxy.
 */
public final class TrunkguardProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkguardProxy.class);
    /** How often calls past max-call-minutes are looked for: a stale call lingers at most this much longer. */
    private static final long STALE_CALL_SWEEP_SECONDS = 60;

    private final ProxyConfig config;
    private final CallJudge judge;
    private final CallEvent.Listener listener;
    private final ProxyHooks hooks;
    private final Clock clock;
    private final ProxyCounters counters = new ProxyCounters();
    private final Transports transports = new Transports(true);
    private EventLoopGroup group;
    private Channel[] udp;
    private Channel tcp;
    private Sender sender;
    private ProxyContext context;

    public TrunkguardProxy(ProxyConfig config, CallJudge judge, CallEvent.Listener listener) {
        this(config, judge, listener, ProxyHooks.NONE);
    }

    public TrunkguardProxy(ProxyConfig config, CallJudge judge, CallEvent.Listener listener, ProxyHooks hooks) {
        this(config, judge, listener, hooks, Clock.systemUTC());
    }

    /** {@code clock} times the call life cycle (events, detectors, trace); tests move it by hand. */
    public TrunkguardProxy(ProxyConfig config, CallJudge judge, CallEvent.Listener listener, ProxyHooks hooks, Clock clock) {
        this.clock = clock;
        this.hooks = hooks;
        this.config = config;
        this.judge = judge;
        this.listener = listener;
    }

    public TrunkguardProxy start() throws InterruptedException {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        group = transports.group(threads);
        TrunkTable trunks = new TrunkTable(config.trunks());
        ProxyIdentity identity = new ProxyIdentity(config.advertisedHost(), config.listen().udpPort());
        InetSocketAddress udpAddress = new InetSocketAddress(config.listen().host(), config.listen().udpPort());
        Bootstrap tcpClient = new Bootstrap().group(group).channel(transports.client())
                .option(ChannelOption.TCP_NODELAY, true).handler(streamPipeline());
        Bootstrap udpBootstrap = new Bootstrap().group(group).channel(transports.datagram())
                .option(ChannelOption.SO_RCVBUF, config.socketBufferBytes())
                .option(ChannelOption.SO_SNDBUF, config.socketBufferBytes())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("route", datagramDispatcher)
                                .addLast("decoder", new SipDatagramDecoder(config.decoder()));
                        addStages(ch.pipeline());
                    }
                });
        sender = new Sender(tcpClient, counters);
        context = new ProxyContext(identity, trunks, config.timers(), TimeUnit.MINUTES.toMillis(config.maxCallMinutes()),
                sender, counters, judge, listener, hooks, clock, PooledByteBufAllocator.DEFAULT);
        LoopOwners owners = new LoopOwners(loopOwners(transports.datagramLoops(group)));
        context.owners = owners;
        sender.attachUdp(owners);
        dispatcher = new LoopDispatcher(owners);
        datagramDispatcher = new DatagramDispatcher(owners);
        group.next().scheduleAtFixedRate(this::forgetStaleCalls, STALE_CALL_SWEEP_SECONDS, STALE_CALL_SWEEP_SECONDS,
                TimeUnit.SECONDS);
        udp = transports.bindDatagrams(udpBootstrap, udpAddress, owners.all(), config.decoder().maxMessageBytes());
        tcp = new ServerBootstrap().group(group).channel(transports.server())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(streamPipeline())
                .bind(config.listen().host(), config.listen().tcpPort()).sync().channel();
        LOG.info("trunkguard listening on {} udp/{} ({} sockets) tcp/{} ({}), {} trunks", config.listen().host(),
                config.listen().udpPort(), udp.length, config.listen().tcpPort(), transports.name(), config.trunks().size());
        return this;
    }

    private ChannelInitializer<SocketChannel> streamPipeline() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("decoder", new SipStreamDecoder(config.decoder(), config.tcpIncompleteTimeoutMillis(),
                        (peer, reason) -> {
                            counters.framingErrors.increment();
                            LOG.debug("closed {}: {}", peer, reason);
                        }));
                addStages(ch.pipeline());
            }
        };
    }

    /** One owner per loop that gets a UDP socket, each with its transactions and a timer tick. */
    private LoopOwner[] loopOwners(EventLoop[] loops) {
        LoopOwner[] owners = new LoopOwner[loops.length];
        for (int i = 0; i < loops.length; i++) {
            TransactionLayer layer = new TransactionLayer(config.timers().t1Millis(), config.timers().t2Millis(),
                    () -> System.nanoTime() / 1_000_000, sender::send, counters.retransmissionsAbsorbed::increment);
            owners[i] = new LoopOwner(loops[i], layer);
            loops[i].scheduleAtFixedRate(layer::tick, TimerWheel.TICK_MILLIS, TimerWheel.TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        return owners;
    }

    private LoopDispatcher dispatcher;
    private DatagramDispatcher datagramDispatcher;
    private ProxyHandler proxyHandler;
    private TrunkClassifierHandler classifier;
    private SanityHandler sanity;

    private synchronized void addStages(ChannelPipeline pipeline) {
        if (proxyHandler == null) {
            Replies replies = new Replies(context);
            Forwarding forwarding = new Forwarding(context, new ResponseRelay(context, replies));
            classifier = new TrunkClassifierHandler(context, counters);
            sanity = new SanityHandler(replies, counters);
            proxyHandler = new ProxyHandler(new RequestProcessor(context, replies, forwarding),
                    new ResponseProcessor(context), counters);
        }
        pipeline.addLast("trunk", classifier).addLast("dispatch", dispatcher).addLast("sanity", sanity)
                .addLast("proxy", proxyHandler);
    }

    /**
     * Forgets calls attempted more than max-call-minutes ago: their BYE never reached the proxy.
     * Runs every {@value #STALE_CALL_SWEEP_SECONDS} s on an event loop; tests call it after moving the clock.
     */
    void forgetStaleCalls() {
        int forgotten = context.calls.forgetStartedBefore(clock.millis() - context.maxCallMillis);
        if (forgotten > 0) {
            LOG.info("forgot {} calls older than {} minutes without a BYE", forgotten, config.maxCallMinutes());
        }
    }

    /**
     * Swaps in new trunks with one write: a message already classified keeps the trunk table it
     * was classified with (trunk, profile, contract, core), a later one gets the new table. Calls
     * in progress keep going (their in-dialog requests are matched by trunk id).
     */
    public void replaceTrunks(java.util.List<org.trunkguard.proxy.trunk.Trunk> trunks) {
        context.trunks = new TrunkTable(trunks);
    }

    public ProxyCounters counters() {
        return counters;
    }

    /** Transactions in progress, for metrics and tests. */
    public int transactionsInProgress() {
        return context.owners.transactionsInProgress();
    }

    public int callsInProgress() {
        return context.calls.size();
    }

    @Override
    public void close() {
        if (tcp != null) {
            tcp.close().syncUninterruptibly();
        }
        if (udp != null) {
            for (Channel socket : udp) {
                socket.close().syncUninterruptibly();
            }
        }
        if (sender != null) {
            sender.closeConnections();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (context != null && context.owners != null) {
            for (LoopOwner owner : context.owners.all()) {
                owner.layer.releaseAll();
            }
        }
        LOG.info("trunkguard stopped");
    }
}
