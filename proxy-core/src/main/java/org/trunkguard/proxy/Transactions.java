package org.trunkguard.proxy;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Via;

/**
 * The transaction tables. Server transactions are keyed as RFC 3261 §17.2.3 matches requests
 * (branch, sent-by and method, with ACK and CANCEL mapped to the INVITE they belong to; the
 * RFC 2543 fallback for branches without the magic cookie). Client transactions are keyed by the
 * branch the proxy chose, plus the method for CANCEL, which shares its INVITE's branch.
 * A finished transaction lingers for 64·T1 to absorb retransmissions, then is freed.
 */
final class Transactions {
    private final ProxyConfig.Timers timers;
    /** Sized for a busy proxy from the start: resizing the tables under load showed in the profile. */
    private static final int INITIAL_CAPACITY = 1 << 16;

    final ConcurrentMap<String, ServerTransaction> servers = new ConcurrentHashMap<>(INITIAL_CAPACITY);
    final ConcurrentMap<String, ClientTransaction> clients = new ConcurrentHashMap<>(INITIAL_CAPACITY);

    Transactions(ProxyConfig.Timers timers) {
        this.timers = timers;
    }

    /** The key of the server transaction a request belongs to; ACK and CANCEL map to their INVITE's. */
    static String serverKey(SipMessage request, String methodOverride) {
        String method = methodOverride != null ? methodOverride : request.method();
        if ("ACK".equals(method)) {
            method = "INVITE";
        }
        Via top = request.topVia();
        if (top.rfc3261Branch()) {
            return top.branch() + '|' + top.sentBy().toLowerCase(java.util.Locale.ROOT) + '|' + method;
        }
        String fromTag = request.from().tag();
        return "2543|" + request.callId() + '|' + request.cseq().number() + '|' + fromTag + '|' + top.sentBy() + '|'
                + method;
    }

    static String clientKey(String branch, String method) {
        return "CANCEL".equals(method) ? branch + "|CANCEL" : branch;
    }

    /** Forgets the server transaction after 64·T1, freeing what it holds. */
    void retire(ServerTransaction txn, EventExecutor loop) {
        loop.schedule(() -> {
            if (servers.remove(txn.key, txn)) {
                synchronized (txn) {
                    txn.state = ServerTransaction.State.TERMINATED;
                    txn.release();
                }
            }
        }, timers.transactionTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Forgets the client transaction after {@code afterMillis}, instead of when an earlier call
     * said: at the start for the longest it may wait (Timer C for an INVITE), again at its final
     * response for the 64·T1 that retransmissions of that response may take. Otherwise every
     * finished INVITE would stay reachable, with its server transaction and request, for over three
     * minutes. Call with the server transaction's lock held.
     */
    void retire(ClientTransaction txn, EventExecutor loop, long afterMillis) {
        if (txn.retireTimer != null) {
            txn.retireTimer.cancel(false);
        }
        txn.retireTimer = loop.schedule(() -> {
            if (clients.remove(txn.key, txn)) {
                synchronized (txn.server) {
                    txn.release();
                }
            }
        }, afterMillis, TimeUnit.MILLISECONDS);
    }

    /** {@link #retire} after a final response (or giving up): 64·T1 to absorb its retransmissions. */
    void retireAfterFinal(ClientTransaction txn, EventExecutor loop) {
        retire(txn, loop, timers.transactionTimeoutMillis());
    }

    /** Frees every transaction; for shutdown, once no event loop runs any more. */
    void releaseAll() {
        servers.values().removeIf(txn -> {
            synchronized (txn) {
                txn.state = ServerTransaction.State.TERMINATED;
                txn.release();
            }
            return true;
        });
        clients.values().removeIf(txn -> {
            synchronized (txn.server) {
                txn.release();
            }
            return true;
        });
    }

    int inProgress() {
        return servers.size();
    }
}
