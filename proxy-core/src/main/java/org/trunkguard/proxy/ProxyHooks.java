package org.trunkguard.proxy;

import java.io.IOException;

/**
 * Where the message path reports to the rest of the node: decision timing for metrics and the
 * trace record of each decision. Called on event loops; implementations must be quick.
 */
public interface ProxyHooks {
    ProxyHooks NONE = new ProxyHooks() {
    };

    /** How long judging one call took. */
    default void decided(long nanos) {
    }

    /** From the INVITE's arrival to the forwarded copy handed to the socket. */
    default void forwarded(long nanos) {
    }

    /**
     * Persists the decision on {@code call} before it leaves the proxy. If this throws, the call is
     * refused with 503: regulators require every decided call to be traceable.
     */
    default void recordDecision(CallRecord call) throws IOException {
    }
}
