package org.trunkguard.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calls the proxy forwarded, by Call-ID, so in-dialog requests (ACK, BYE, re-INVITE) and the
 * call's life cycle find them. A call leaves when it fails, 64·T1 after its BYE, or, when no BYE
 * ever came, at the periodic {@link #forgetStartedBefore} sweep after max-call-minutes.
 *
 * <p>The sweep replaces a timer per call: such a timer kept every call record reachable from the
 * event loop's timer queue for the whole max-call time (4 hours by default), ended or not, which
 * at a few thousand calls per second filled the heap.
 */
final class CallTable {
    /** Sized for a busy proxy from the start: resizing under load showed in the profile. */
    private static final int INITIAL_CAPACITY = 1 << 16;

    private final ConcurrentMap<String, CallRecord> calls = new ConcurrentHashMap<>(INITIAL_CAPACITY);

    CallRecord get(String callId) {
        return calls.get(callId);
    }

    /** Adds {@code call}; returns the call that had the same Call-ID, if any. */
    CallRecord put(CallRecord call) {
        return calls.put(call.callId(), call);
    }

    /** Removes {@code call}, unless another call has taken its Call-ID since. */
    void remove(CallRecord call) {
        calls.remove(call.callId(), call);
    }

    int size() {
        return calls.size();
    }

    /** Forgets every call attempted before {@code cutoffMillis}; returns how many. */
    int forgetStartedBefore(long cutoffMillis) {
        int[] forgotten = {0};
        calls.values().removeIf(call -> {
            boolean stale = call.attemptAt() < cutoffMillis;
            if (stale) {
                forgotten[0]++;
            }
            return stale;
        });
        return forgotten[0];
    }
}
