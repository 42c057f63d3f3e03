package org.trunkguard.proxy.transaction;

import java.util.ArrayList;
import java.util.List;
import org.trunkguard.sip.SipMessage;

/** A client transaction's user that writes down what it hears, as "180", "200", "200 again", "timeout". */
final class RecordingUser implements ClientTransaction.User {
    final List<String> events = new ArrayList<>();

    @Override
    public void onProvisional(ClientTransaction transaction, SipMessage response) {
        events.add(Integer.toString(response.statusCode()));
    }

    @Override
    public void onFinal(ClientTransaction transaction, SipMessage response, boolean retransmission) {
        events.add(response.statusCode() + (retransmission ? " again" : ""));
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        events.add("timeout");
    }
}
