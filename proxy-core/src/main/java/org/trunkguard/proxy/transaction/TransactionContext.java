package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;

/**
 * What a transaction acts on: the wire, the timers and the table it lives in. One per event
 * loop ({@link TransactionLayer}); a transaction only ever runs on that loop.
 */
public interface TransactionContext {
    /** RFC 3261 §17.1.1.1: T4, the longest a message stays in the network (Timer I and K). */
    long T4_MILLIS = 5_000;

    TimerWheel wheel();

    /** T1, the round-trip estimate (default 500 ms). */
    long t1Millis();

    /** T2, the cap on non-INVITE request and INVITE response retransmission intervals (default 4 s). */
    long t2Millis();

    /** Sends {@code bytes}, taking ownership. */
    void send(Destination to, ByteBuf bytes);

    /** A retransmission was absorbed by a transaction: counted, never acted on. */
    void absorbed();

    /** A transaction started by another one (the CANCEL of an INVITE) joins the table. */
    void started(ClientTransaction transaction);

    /** The transaction reached Terminated: it leaves its table. */
    void terminated(ServerTransaction transaction);

    void terminated(ClientTransaction transaction);
}
