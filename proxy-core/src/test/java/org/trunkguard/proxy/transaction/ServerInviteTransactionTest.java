package org.trunkguard.proxy.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trunkguard.proxy.transaction.Harness.T1;
import static org.trunkguard.proxy.transaction.Harness.T2;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.proxy.transaction.ServerInviteTransaction.State;

/** INVITE server transaction, RFC 3261 Figure 7 with the RFC 6026 Accepted state. */
class ServerInviteTransactionTest {
    private static final String KEY = "z9hG4bKcaller|192.0.2.10:5060|INVITE";
    private static final String RINGING = "SIP/2.0 180 Ringing\r\n\r\n";
    private static final String OK = "SIP/2.0 200 OK\r\n\r\n";
    private static final String BUSY = "SIP/2.0 486 Busy Here\r\n\r\n";

    private final Harness h = new Harness();

    private ServerInviteTransaction start(Destination source) {
        ServerInviteTransaction tx = new ServerInviteTransaction(h.layer, KEY,
                Harness.decode(Harness.invite("z9hG4bKcaller")), source, "proxytag");
        h.layer.add(tx);
        return tx;
    }

    @AfterEach
    void releaseAll() {
        h.layer.releaseAll();
    }

    @Test
    void inviteRetransmissionInProceedingResendsTheLastProvisional() {
        ServerInviteTransaction tx = start(Harness.UDP);
        tx.onRetransmission();
        assertEquals(List.of(), h.sent, "no provisional yet: nothing to resend");
        tx.send(Harness.bytes(RINGING), 180);
        tx.onRetransmission();
        assertEquals(List.of(RINGING, RINGING), h.sent);
        assertEquals(2, h.absorbed);
        assertEquals(State.PROCEEDING, tx.state());
        assertTrue(tx.awaitingFinal());
    }

    @Test
    void a2xxMovesToAcceptedWhereInvitesAreAbsorbedAnd2xxsPassUntilTimerL() {
        ServerInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(RINGING), 180);
        tx.send(Harness.bytes(OK), 200);
        assertEquals(State.ACCEPTED, tx.state());
        assertNull(tx.request(), "the request is freed at the final response");
        tx.onRetransmission();
        assertEquals(List.of(RINGING, OK), h.sent, "an INVITE retransmission is absorbed in Accepted");
        assertEquals(1, h.absorbed);
        tx.send(Harness.bytes(OK), 200);
        assertEquals(List.of(RINGING, OK, OK), h.sent, "2xx retransmissions from the core pass (RFC 6026)");
        assertFalse(tx.onAck(), "the ACK of a 2xx belongs to the core");

        h.runTo(64 * T1 - 10);
        assertEquals(State.ACCEPTED, tx.state());
        assertSame(tx, h.layer.server(KEY));
        h.runTo(64 * T1);
        assertEquals(State.TERMINATED, tx.state(), "Timer L = 64·T1");
        assertNull(h.layer.server(KEY));
        assertEquals(0, h.layer.serverCount());
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void acceptedKeepsNoCopyOfTheProvisionalForItsThirtyTwoSeconds() {
        ServerInviteTransaction tx = start(Harness.UDP);
        ByteBuf ringing = Harness.bytes(RINGING);
        tx.send(ringing, 180);
        assertEquals(1, ringing.refCnt(), "Proceeding keeps the 180 to answer INVITE retransmissions");
        tx.send(Harness.bytes(OK), 200);
        assertEquals(0, ringing.refCnt(), "Accepted resends no provisional: its copy is freed at the 2xx");
    }

    @Test
    void aFailureOverUdpIsRetransmittedByTimerGDoublingUpToT2UntilTheAck() {
        ServerInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(BUSY), 486);
        assertEquals(State.COMPLETED, tx.state());
        h.runTo(12_000);
        // sent at 0, then G at T1, 2T1, 4T1, 8T1 = T2, then every T2
        assertEquals(List.of(0L, T1, 3 * T1, 7 * T1, 7 * T1 + T2, 7 * T1 + 2 * T2), h.sentTimes("SIP/2.0 486"));
        tx.onRetransmission();
        assertEquals(7, h.count("SIP/2.0 486"), "an INVITE retransmission in Completed resends the final");

        assertTrue(tx.onAck());
        assertEquals(State.CONFIRMED, tx.state());
        h.runFor(TransactionContext.T4_MILLIS - 10);
        assertEquals(7, h.count("SIP/2.0 486"), "the ACK stops Timer G");
        assertTrue(tx.onAck(), "ACK retransmissions are absorbed in Confirmed");
        assertEquals(State.CONFIRMED, tx.state());
        h.runFor(10);
        assertEquals(State.TERMINATED, tx.state(), "Timer I = T4");
        assertNull(h.layer.server(KEY));
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void withoutAnAckTimerHTerminatesAt64T1() {
        ServerInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(BUSY), 486);
        h.runTo(64 * T1 - 10);
        assertEquals(State.COMPLETED, tx.state());
        long resent = h.count("SIP/2.0 486");
        h.runTo(64 * T1);
        assertEquals(State.TERMINATED, tx.state());
        assertNull(h.layer.server(KEY));
        h.runTo(120_000);
        assertEquals(resent, h.count("SIP/2.0 486"), "Timer G stops with the transaction");
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void overTcpThereIsNoTimerGAndConfirmedTerminatesAtOnce() {
        ServerInviteTransaction tx = start(Harness.TCP);
        tx.send(Harness.bytes(BUSY), 486);
        h.runTo(20_000);
        assertEquals(List.of(BUSY), h.sent, "no retransmission over a reliable transport");
        assertTrue(tx.onAck());
        assertEquals(State.TERMINATED, tx.state(), "Timer I = 0 for reliable transports");
        assertNull(h.layer.server(KEY));
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void responsesAfterTheFinalAreDroppedAndReleased() {
        ServerInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(BUSY), 486);
        ByteBuf late180 = Harness.bytes(RINGING);
        ByteBuf late200 = Harness.bytes(OK);
        ByteBuf late503 = Harness.bytes("SIP/2.0 503 Service Unavailable\r\n\r\n");
        tx.send(late180, 180);
        tx.send(late200, 200);
        tx.send(late503, 503);
        assertEquals(List.of(BUSY), h.sent);
        assertEquals(0, late180.refCnt());
        assertEquals(0, late200.refCnt());
        assertEquals(0, late503.refCnt());
        assertEquals(486, tx.lastStatus());
    }

    @Test
    void provisionalsAndFailuresAfterA2xxAreDroppedAndReleased() {
        ServerInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(OK), 200);
        ByteBuf late180 = Harness.bytes(RINGING);
        ByteBuf late486 = Harness.bytes(BUSY);
        tx.send(late180, 180);
        tx.send(late486, 486);
        assertEquals(List.of(OK), h.sent);
        assertEquals(0, late180.refCnt());
        assertEquals(0, late486.refCnt());
        assertEquals(State.ACCEPTED, tx.state());
    }
}
