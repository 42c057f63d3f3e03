package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Via;

/**
 * The transactions of one event loop and their timers. Every message of a call is handled on the
 * loop its Call-ID hashes to, so a transaction is only ever touched by that loop: plain maps,
 * no locks.
 *
 * <p>Server transactions are keyed as RFC 3261 §17.2.3 matches requests (branch, sent-by and
 * method, with ACK and CANCEL mapped to the INVITE they belong to; the RFC 2543 fallback for
 * branches without the magic cookie). Client transactions are keyed by the branch the proxy
 * chose, plus the method for CANCEL, which shares its INVITE's branch (§17.1.3).
 */
public final class TransactionLayer implements TransactionContext {
    /** Sized for a busy proxy from the start: resizing the tables under load showed in the profile. */
    private static final int INITIAL_CAPACITY = 1 << 15;

    private final Map<String, ServerTransaction> servers = new HashMap<>(INITIAL_CAPACITY);
    private final Map<String, ClientTransaction> clients = new HashMap<>(INITIAL_CAPACITY);
    private final TimerWheel wheel;
    private final long t1Millis;
    private final long t2Millis;
    private final BiConsumer<Destination, ByteBuf> wire;
    private final Runnable onAbsorbed;
    /** Written by the owning loop only; read by metrics from any thread. */
    private volatile int inProgress;

    public TransactionLayer(long t1Millis, long t2Millis, LongSupplier monotonicMillis,
                            BiConsumer<Destination, ByteBuf> wire, Runnable onAbsorbed) {
        this.t1Millis = t1Millis;
        this.t2Millis = t2Millis;
        this.wheel = new TimerWheel(monotonicMillis);
        this.wire = wire;
        this.onAbsorbed = onAbsorbed;
    }

    /** The key of the server transaction a request belongs to; ACK and CANCEL map to their INVITE's. */
    public static String serverKey(SipMessage request, String methodOverride) {
        String method = methodOverride != null ? methodOverride : request.method();
        if ("ACK".equals(method)) {
            method = "INVITE";
        }
        Via top = request.topVia();
        if (top.rfc3261Branch()) {
            return top.branch() + '|' + top.sentBy().toLowerCase(Locale.ROOT) + '|' + method;
        }
        String fromTag = request.from().tag();
        return "2543|" + request.callId() + '|' + request.cseq().number() + '|' + fromTag + '|' + top.sentBy() + '|'
                + method;
    }

    public static String clientKey(String branch, String method) {
        return "CANCEL".equals(method) ? branch + "|CANCEL" : branch;
    }

    public ServerTransaction server(String key) {
        return servers.get(key);
    }

    public ClientTransaction client(String key) {
        return clients.get(key);
    }

    public void add(ServerTransaction transaction) {
        servers.put(transaction.key(), transaction);
        inProgress = servers.size();
    }

    /** Adds a client transaction; {@link ClientTransaction#start} sends it. */
    public void add(ClientTransaction transaction) {
        clients.put(transaction.key(), transaction);
    }

    /** Runs the timers due by now; the owning loop calls it every {@value TimerWheel#TICK_MILLIS} ms. */
    public void tick() {
        wheel.advance();
    }

    public int serverCount() {
        return inProgress;
    }

    public int clientCount() {
        return clients.size();
    }

    /** Frees every transaction; for shutdown, once the owning loop has stopped. */
    public void releaseAll() {
        servers.values().forEach(ServerTransaction::release);
        clients.values().forEach(ClientTransaction::release);
        servers.clear();
        clients.clear();
        inProgress = 0;
    }

    @Override
    public TimerWheel wheel() {
        return wheel;
    }

    @Override
    public long t1Millis() {
        return t1Millis;
    }

    @Override
    public long t2Millis() {
        return t2Millis;
    }

    @Override
    public void send(Destination to, ByteBuf bytes) {
        wire.accept(to, bytes);
    }

    @Override
    public void absorbed() {
        onAbsorbed.run();
    }

    @Override
    public void started(ClientTransaction transaction) {
        add(transaction);
    }

    @Override
    public void terminated(ServerTransaction transaction) {
        servers.remove(transaction.key(), transaction);
        inProgress = servers.size();
    }

    @Override
    public void terminated(ClientTransaction transaction) {
        clients.remove(transaction.key(), transaction);
    }
}
