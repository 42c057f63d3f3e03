package org.trunkguard.proxy;

import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.proxy.trunk.TrunkTable;

/** Everything the message path shares: who we are, where things go, what we count. */
final class ProxyContext {
    final ProxyIdentity identity;
    /**
     * Replaced whole on reload. The message path reads it once per message, in the trunk stage,
     * and carries what it found ({@link ClassifiedSip}); nothing later reads it again.
     */
    volatile TrunkTable trunks;
    final ProxyConfig.Timers timers;
    final long maxCallMillis;
    final Sender sender;
    final ProxyCounters counters;
    final CallJudge judge;
    final CallEvent.Listener listener;
    final ProxyHooks observer;
    final Clock clock;
    final ByteBufAllocator alloc;
    /** The loops that own calls; set once the UDP sockets are bound, before any traffic is handled. */
    LoopOwners owners;
    final CallTable calls = new CallTable();

    ProxyContext(ProxyIdentity identity, TrunkTable trunks, ProxyConfig.Timers timers, long maxCallMillis,
                 Sender sender, ProxyCounters counters, CallJudge judge, CallEvent.Listener listener, ProxyHooks hooks,
                 Clock clock, ByteBufAllocator alloc) {
        this.observer = hooks;
        this.identity = identity;
        this.trunks = trunks;
        this.timers = timers;
        this.maxCallMillis = maxCallMillis;
        this.sender = sender;
        this.counters = counters;
        this.judge = judge;
        this.listener = listener;
        this.clock = clock;
        this.alloc = alloc;
    }

    /** The transactions of the loop {@code loop}; the loop must own calls. */
    org.trunkguard.proxy.transaction.TransactionLayer layer(io.netty.util.concurrent.EventExecutor loop) {
        return owners.layer(loop);
    }

    void emit(CallEvent.Type type, int status, CallRecord call) {
        listener.onCallEvent(new CallEvent(type, clock.millis(), status, call));
    }
}
