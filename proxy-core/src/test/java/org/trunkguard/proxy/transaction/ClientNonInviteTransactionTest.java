package org.trunkguard.proxy.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.trunkguard.proxy.transaction.Harness.T1;
import static org.trunkguard.proxy.transaction.Harness.T2;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.proxy.transaction.ClientNonInviteTransaction.State;
import org.trunkguard.sip.SipMessage;

/** Non-INVITE client transaction, RFC 3261 Figure 6. */
class ClientNonInviteTransactionTest {
    private static final String BRANCH = "z9hG4bKopt";
    private static final String OPTIONS = Harness.request("OPTIONS", BRANCH);

    private final Harness h = new Harness();
    private final RecordingUser user = new RecordingUser();

    private ClientNonInviteTransaction start(Destination target) {
        ClientNonInviteTransaction tx = new ClientNonInviteTransaction(h.layer,
                TransactionLayer.clientKey(BRANCH, "OPTIONS"), BRANCH, target, user);
        h.layer.add(tx);
        tx.start(Harness.bytes(OPTIONS));
        return tx;
    }

    private void respond(ClientNonInviteTransaction tx, int status, String reason) {
        SipMessage response = Harness.decode(Harness.response(status, reason, "OPTIONS", BRANCH, "b7"));
        try {
            tx.onResponse(response);
        } finally {
            response.release();
        }
    }

    @AfterEach
    void releaseAll() {
        h.layer.releaseAll();
    }

    @Test
    void timerEDoublesUpToT2InTrying() {
        start(Harness.UDP);
        h.runTo(12_000);
        assertEquals(List.of(0L, T1, 3 * T1, 7 * T1, 7 * T1 + T2, 7 * T1 + 2 * T2), h.sentTimes("OPTIONS "));
    }

    @Test
    void timerEIsT2InProceeding() {
        ClientNonInviteTransaction tx = start(Harness.UDP);
        h.runTo(600);
        respond(tx, 100, "Trying");
        assertEquals(State.PROCEEDING, tx.state());
        assertEquals(List.of("100"), user.events);
        h.runTo(10_000);
        // E was due at 3·T1 when the 1xx came; from then on every T2
        assertEquals(List.of(0L, T1, 3 * T1, 3 * T1 + T2, 3 * T1 + 2 * T2), h.sentTimes("OPTIONS "));
    }

    @Test
    void timerFTimesOutAt64T1() {
        ClientNonInviteTransaction tx = start(Harness.UDP);
        h.runTo(64 * T1 - 10);
        assertEquals(List.of(), user.events);
        h.runTo(64 * T1);
        assertEquals(List.of("timeout"), user.events);
        assertEquals(State.TERMINATED, tx.state());
        assertNull(h.layer.client(tx.key()));
        long sent = h.sent.size();
        h.runTo(100_000);
        assertEquals(sent, h.sent.size(), "Timer E stops with the transaction");
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void aFinalCompletesAbsorbsRetransmissionsAndTimerKTerminates() {
        ClientNonInviteTransaction tx = start(Harness.UDP);
        h.runTo(1_000);
        respond(tx, 200, "OK");
        assertEquals(State.COMPLETED, tx.state());
        assertEquals(List.of("200"), user.events);
        respond(tx, 200, "OK");
        assertEquals(List.of("200"), user.events, "a retransmitted final is absorbed");
        assertEquals(1, h.absorbed);
        long sent = h.sent.size();

        h.runTo(1_000 + TransactionContext.T4_MILLIS - 10);
        assertSame(tx, h.layer.client(tx.key()));
        assertEquals(sent, h.sent.size(), "no retransmission in Completed");
        h.runTo(1_000 + TransactionContext.T4_MILLIS);
        assertEquals(State.TERMINATED, tx.state(), "Timer K = T4");
        assertNull(h.layer.client(tx.key()));
        assertEquals(0, h.layer.wheel().pending());
        h.runTo(64 * T1 + 1_000);
        assertEquals(List.of("200"), user.events, "no Timer F after the final");
    }

    @Test
    void overTcpNoTimerEAndTheFinalTerminatesAtOnce() {
        ClientNonInviteTransaction tx = start(Harness.TCP);
        h.runTo(10_000);
        assertEquals(1, h.sent.size());
        respond(tx, 404, "Not Found");
        assertEquals(State.TERMINATED, tx.state(), "Timer K = 0 for reliable transports");
        assertEquals(List.of("404"), user.events);
        assertNull(h.layer.client(tx.key()));
        assertEquals(0, h.layer.wheel().pending());
    }
}
