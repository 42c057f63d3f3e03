package org.trunkguard.proxy.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trunkguard.proxy.transaction.Harness.T1;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.proxy.transaction.ClientInviteTransaction.State;
import org.trunkguard.sip.SipMessage;

/** INVITE client transaction, RFC 3261 Figure 5 with RFC 6026 Accepted, the proxy's Timer C and CANCEL. */
class ClientInviteTransactionTest {
    private static final String BRANCH = "z9hG4bKfwd1";
    private static final String INVITE = Harness.invite(BRANCH);
    private static final long TIMER_C = ClientInviteTransaction.TIMER_C_MILLIS;

    private final Harness h = new Harness();
    private final RecordingUser user = new RecordingUser();

    private ClientInviteTransaction start(Destination target) {
        byte[] forwarded = INVITE.getBytes(StandardCharsets.ISO_8859_1);
        ClientInviteTransaction tx = new ClientInviteTransaction(h.layer, TransactionLayer.clientKey(BRANCH, "INVITE"),
                BRANCH, target, user, Harness.hopOf(forwarded, 314));
        h.layer.add(tx);
        tx.start(Harness.bytes(INVITE));
        return tx;
    }

    private void respond(ClientInviteTransaction tx, int status, String reason, String toTag) {
        SipMessage response = Harness.decode(Harness.response(status, reason, "INVITE", BRANCH, toTag));
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
    void timerARetransmitsAtT1Then2T1Then4T1OverUdp() {
        start(Harness.UDP);
        h.runTo(8 * T1);
        assertEquals(List.of(0L, T1, 3 * T1, 7 * T1), h.sentTimes("INVITE "));
        assertEquals(INVITE, h.sent.get(1), "a retransmission is the same bytes");
    }

    @Test
    void overTcpThereIsNoTimerA() {
        start(Harness.TCP);
        h.runTo(60 * T1);
        assertEquals(List.of(0L), h.sentTimes("INVITE "));
    }

    @Test
    void timerBTimesOutAt64T1() {
        ClientInviteTransaction tx = start(Harness.UDP);
        h.runTo(64 * T1 - 10);
        assertEquals(List.of(), user.events);
        h.runTo(64 * T1);
        assertEquals(List.of("timeout"), user.events);
        assertEquals(State.TERMINATED, tx.state());
        assertNull(h.layer.client(tx.key()));
        assertEquals(0, h.layer.wheel().pending());
        h.runTo(200_000);
        assertEquals(List.of("timeout"), user.events, "once");
    }

    @Test
    void aProvisionalStopsTimersAAndBAndGoesToTheUser() {
        ClientInviteTransaction tx = start(Harness.UDP);
        h.runTo(T1);
        respond(tx, 100, "Trying", null);
        assertEquals(State.PROCEEDING, tx.state());
        assertEquals(List.of("100"), user.events);
        h.runTo(64 * T1 + 1_000);
        assertEquals(List.of(0L, T1), h.sentTimes("INVITE "), "Timer A stopped");
        assertEquals(List.of("100"), user.events, "Timer B stopped: no time-out at 64·T1");
        respond(tx, 180, "Ringing", "b7");
        assertEquals(List.of("100", "180"), user.events);
    }

    @Test
    void timerCSendsACancelThenTimesOut64T1Later() {
        ClientInviteTransaction tx = start(Harness.UDP);
        respond(tx, 100, "Trying", null);
        h.runTo(10_000);
        respond(tx, 180, "Ringing", "b7"); // each provisional restarts Timer C
        h.runTo(10_000 + TIMER_C - 10);
        assertEquals(0, h.count("CANCEL "));
        h.runTo(10_000 + TIMER_C);
        assertEquals(List.of(10_000 + TIMER_C), h.sentTimes("CANCEL "));
        assertTrue(tx.cancelSent());
        assertEquals(State.PROCEEDING, tx.state());
        assertNotNull(h.layer.client(TransactionLayer.clientKey(BRANCH, "CANCEL")), "the CANCEL is a transaction of its own");
        assertEquals(List.of("100", "180"), user.events);

        h.runTo(10_000 + TIMER_C + 64 * T1 - 10);
        assertEquals(List.of("100", "180"), user.events);
        h.runTo(10_000 + TIMER_C + 64 * T1);
        assertEquals(List.of("100", "180", "timeout"), user.events, "no 487 came in 64·T1");
        assertEquals(State.TERMINATED, tx.state());
        assertNull(h.layer.client(tx.key()));
        assertEquals(1, h.sentTimes("CANCEL ").stream().filter(t -> t == 10_000 + TIMER_C).count());
    }

    @Test
    void aCancelBeforeAnyProvisionalWaitsForTheFirstOne() {
        ClientInviteTransaction tx = start(Harness.UDP);
        tx.cancel();
        h.runTo(2 * T1);
        assertEquals(0, h.count("CANCEL "), "a CANCEL must not overtake the INVITE (§9.1)");
        assertFalse(tx.cancelSent());
        respond(tx, 100, "Trying", null);
        assertEquals(1, h.count("CANCEL "));
        assertTrue(tx.cancelSent());
        respond(tx, 180, "Ringing", "b7");
        tx.cancel();
        assertEquals(1, h.count("CANCEL "), "one CANCEL only");
    }

    @Test
    void noCancelAfterAFinalResponse() {
        ClientInviteTransaction tx = start(Harness.UDP);
        tx.cancel();
        respond(tx, 200, "OK", "b7");
        tx.cancel();
        assertEquals(0, h.count("CANCEL "));
    }

    @Test
    void a2xxGoesToAcceptedPassesRetransmissionsThenTimerMTerminates() {
        ClientInviteTransaction tx = start(Harness.UDP);
        respond(tx, 180, "Ringing", "b7");
        h.runTo(1_000);
        respond(tx, 200, "OK", "b7");
        assertEquals(State.ACCEPTED, tx.state());
        respond(tx, 200, "OK", "b7");
        assertEquals(List.of("180", "200", "200 again"), user.events);
        assertEquals(0, h.count("ACK "), "a 2xx is acknowledged end to end, not by the transaction");
        h.runTo(1_000 + 64 * T1 - 10);
        assertSame(tx, h.layer.client(tx.key()));
        h.runTo(1_000 + 64 * T1);
        assertEquals(State.TERMINATED, tx.state(), "Timer M = 64·T1");
        assertNull(h.layer.client(tx.key()));
        assertEquals(0, h.layer.wheel().pending());
        respond(tx, 200, "OK", "b7");
        assertEquals(3, user.events.size(), "nothing after Terminated");
    }

    @Test
    void aFailureIsAcknowledgedOnThisHopWithTheResponsesToAndTheInvitesOtherHeaders() {
        ClientInviteTransaction tx = start(Harness.UDP);
        respond(tx, 486, "Busy Here", "b7");
        assertEquals(State.COMPLETED, tx.state());
        assertEquals(List.of("486"), user.events);
        String ack = """
                ACK sip:bob@192.0.2.20 SIP/2.0\r
                Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKfwd1\r
                Route: <sip:edge1.example.net;lr>\r
                Route: <sip:edge2.example.net;lr>\r
                From: <sip:alice@example.com>;tag=a1\r
                Max-Forwards: 70\r
                To: <sip:bob@example.net>;tag=b7\r
                Call-ID: call-1@192.0.2.10\r
                CSeq: 314 ACK\r
                Content-Length: 0\r
                \r
                """;
        assertEquals(List.of(INVITE, ack), h.sent);

        respond(tx, 486, "Busy Here", "b7");
        assertEquals(List.of(INVITE, ack, ack), h.sent, "a retransmitted failure gets another ACK");
        assertEquals(List.of("486"), user.events, "and is absorbed, not passed to the user");
        assertEquals(1, h.absorbed);

        h.runTo(64 * T1 - 10);
        assertEquals(State.COMPLETED, tx.state());
        assertEquals(3, h.sent.size(), "Timer A stopped at the final response");
        h.runTo(64 * T1);
        assertEquals(State.TERMINATED, tx.state(), "Timer D");
        assertNull(h.layer.client(tx.key()));
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void overTcpAFailureTerminatesAtOnceAfterItsAck() {
        ClientInviteTransaction tx = start(Harness.TCP);
        respond(tx, 603, "Decline", "b7");
        assertEquals(State.TERMINATED, tx.state(), "Timer D = 0 for reliable transports");
        assertEquals(1, h.count("ACK "));
        assertEquals(List.of("603"), user.events);
        assertNull(h.layer.client(tx.key()));
    }
}
