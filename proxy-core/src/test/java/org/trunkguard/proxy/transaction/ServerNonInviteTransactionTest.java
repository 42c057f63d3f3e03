package org.trunkguard.proxy.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.trunkguard.proxy.transaction.Harness.T1;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.proxy.transaction.ServerNonInviteTransaction.State;

/** Non-INVITE server transaction, RFC 3261 Figure 8. */
class ServerNonInviteTransactionTest {
    private static final String KEY = "z9hG4bKreg|192.0.2.10:5060|REGISTER";
    private static final String TRYING = "SIP/2.0 100 Trying\r\n\r\n";
    private static final String OK = "SIP/2.0 200 OK\r\n\r\n";

    private final Harness h = new Harness();

    private ServerNonInviteTransaction start(Destination source) {
        ServerNonInviteTransaction tx = new ServerNonInviteTransaction(h.layer, KEY,
                Harness.decode(Harness.request("REGISTER", "z9hG4bKreg")), source, "proxytag");
        h.layer.add(tx);
        return tx;
    }

    @AfterEach
    void releaseAll() {
        h.layer.releaseAll();
    }

    @Test
    void tryingAbsorbsARetransmissionSilently() {
        ServerNonInviteTransaction tx = start(Harness.UDP);
        tx.onRetransmission();
        assertEquals(List.of(), h.sent);
        assertEquals(1, h.absorbed);
        assertEquals(State.TRYING, tx.state());
    }

    @Test
    void proceedingResendsTheProvisional() {
        ServerNonInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(TRYING), 100);
        assertEquals(State.PROCEEDING, tx.state());
        tx.onRetransmission();
        assertEquals(List.of(TRYING, TRYING), h.sent);
        assertEquals(1, h.absorbed);
    }

    @Test
    void completedResendsTheFinalUntilTimerJ() {
        ServerNonInviteTransaction tx = start(Harness.UDP);
        tx.send(Harness.bytes(TRYING), 100);
        tx.send(Harness.bytes(OK), 200);
        assertEquals(State.COMPLETED, tx.state());
        assertNull(tx.request());
        tx.onRetransmission();
        assertEquals(List.of(TRYING, OK, OK), h.sent, "the final response, not the provisional");

        ByteBuf late = Harness.bytes("SIP/2.0 500 Late\r\n\r\n");
        tx.send(late, 500);
        assertEquals(0, late.refCnt(), "a second final is dropped and released");
        assertEquals(3, h.sent.size());

        h.runTo(64 * T1 - 10);
        assertSame(tx, h.layer.server(KEY));
        assertEquals(List.of(0L, 0L, 0L), h.sentAt, "no retransmission timer in Figure 8");
        h.runTo(64 * T1);
        assertEquals(State.TERMINATED, tx.state(), "Timer J = 64·T1");
        assertNull(h.layer.server(KEY));
        assertEquals(0, h.layer.wheel().pending());
    }

    @Test
    void overTcpTheFinalTerminatesAtOnce() {
        ServerNonInviteTransaction tx = start(Harness.TCP);
        tx.send(Harness.bytes(OK), 200);
        assertEquals(State.TERMINATED, tx.state(), "Timer J = 0 for reliable transports");
        assertNull(h.layer.server(KEY));
        assertEquals(0, h.layer.wheel().pending());
        assertEquals(List.of(OK), h.sent);
    }
}
