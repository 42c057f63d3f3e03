package org.trunkguard.proxy;

import org.trunkguard.proxy.transaction.ClientTransaction;
import org.trunkguard.proxy.transaction.ServerTransaction;
import org.trunkguard.sip.SipMessage;

/**
 * One request on its way through the proxy: the server transaction it arrived in and the call it
 * belongs to (null for requests outside a call). Its client transaction reports here, and the
 * {@link ResponseRelay} takes it from there.
 */
final class ProxiedRequest implements ClientTransaction.User {
    private final ResponseRelay relay;
    final ServerTransaction server;
    /**
     * The call, until this request's final response has been dealt with: the transactions outlive
     * it by up to 32 s (Timers L, M and J), and a 2xx retransmission needs only {@link #server}.
     */
    CallRecord call;
    /** A BYE: the call leaves the call table when its transaction ends. */
    final boolean endsCall;

    ProxiedRequest(ResponseRelay relay, ServerTransaction server, CallRecord call, boolean endsCall) {
        this.relay = relay;
        this.server = server;
        this.call = call;
        this.endsCall = endsCall;
    }

    @Override
    public void onProvisional(ClientTransaction transaction, SipMessage response) {
        relay.provisional(this, transaction, response);
    }

    @Override
    public void onFinal(ClientTransaction transaction, SipMessage response, boolean retransmission) {
        relay.finalResponse(this, transaction, response, retransmission);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        relay.timeout(this, transaction);
    }
}
