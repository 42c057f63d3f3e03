package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import javax.sip.ClientTransaction;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.sip.Transport;
import org.trunkguard.time.ManualClock;

/**
 * What a finished call leaves behind in the whole node (caller-ID rules, detectors, trace,
 * metrics): nothing, once its transactions have absorbed retransmissions for 64·T1. The test
 * keeps weak references to the call records the proxy hands to listeners and waits for the
 * collector to clear them. A per-call timer that outlives the call (the old 4-hour max-call timer,
 * an INVITE client transaction kept for Timer C after its final response) fails it.
 */
class StateReleaseIT {
    private static final long WAIT = 5000;
    /** 64·T1 = 1.28 s: how long a finished transaction lingers. */
    private static final int T1_MILLIS = 20;
    private static final long RELEASE_WAIT = 20_000;
    private static final long GC_POLL_MILLIS = 100;
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T02:00:00Z");

    private final List<WeakReference<CallRecord>> records = new CopyOnWriteArrayList<>();
    /** Event types and statuses only: keeping the events would keep their call records. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private ManualClock clock;
    private TrunkguardNode node;
    private Caller caller;
    private Callee callee;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(TUESDAY_MORNING);
        ProxyConfig config = TestTopology.load(Transport.UDP);
        config = config.withTimers(new ProxyConfig.Timers(T1_MILLIS, config.timers().t2Millis()));
        CallEvent.Listener listener = event -> {
            if (event.type() == CallEvent.Type.ATTEMPT) {
                records.add(new WeakReference<>(event.call()));
            }
            seen.add(event.type() + (event.status() == 0 ? "" : " " + event.status()));
        };
        node = TrunkguardNode.start(config, new TrunkguardNode.NodeObservers(listener, ProxyHooks.NONE, (d, v) -> { }),
                clock);
        caller = new Caller(TestTopology.CALLER_HOST, 5076, "udp", TestTopology.PROXY);
        callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, "udp");
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
        node.close();
    }

    @Test
    void finishedCallsLeaveNothingBehind() throws Exception {
        ClientTransaction answered = caller.invite("01055550001", "13900000001");
        Response ok = caller.awaitResponse(200, WAIT);
        assertNotNull(ok, "answered");
        caller.ack(answered, ok);
        caller.bye(answered);
        assertTrue(Await.until(() -> seen.contains("ENDED"), WAIT), seen.toString());

        caller.invite("01055550002", "48613900000002");
        assertNotNull(caller.awaitResponse(486, WAIT), "busy");

        ClientTransaction ringing = caller.invite("01055550003", "18013900000003");
        assertNotNull(caller.awaitResponse(180, WAIT), "ringing");
        caller.cancel(ringing);
        assertNotNull(caller.awaitResponse(487, WAIT), "cancelled");

        caller.invite("13812345678", "13900000004");
        assertNotNull(caller.awaitResponse(403, WAIT), "unallocated caller refused");

        assertTrue(Await.until(() -> seen.containsAll(List.of("FAILED 486", "CANCELLED 487", "FAILED 403")), WAIT),
                seen.toString());
        assertEquals(4, records.size());
        assertAllReleased();
    }

    @Test
    void anAnsweredCallWhoseByeNeverCameIsForgottenAfterMaxCallTime() throws Exception {
        ClientTransaction answered = caller.invite("01055550005", "13900000005");
        Response ok = caller.awaitResponse(200, WAIT);
        assertNotNull(ok, "answered");
        caller.ack(answered, ok);
        assertTrue(Await.until(() -> seen.contains("ANSWERED 200"), WAIT), seen.toString());
        assertEquals(1, node.proxy().callsInProgress(), "the call is up: its BYE must still find it");

        node.proxy().forgetStaleCalls();
        assertEquals(1, node.proxy().callsInProgress(), "not yet past max-call-minutes");
        clock.advance(Duration.ofMinutes(node.config().maxCallMinutes()).plusSeconds(1));
        node.proxy().forgetStaleCalls();
        assertEquals(0, node.proxy().callsInProgress());
        assertAllReleased();
    }

    private void assertAllReleased() {
        long deadline = System.nanoTime() + Duration.ofMillis(RELEASE_WAIT).toNanos();
        boolean released = false;
        while (!released && System.nanoTime() < deadline) {
            System.gc();
            released = records.stream().allMatch(r -> r.get() == null) && node.proxy().transactionsInProgress() == 0
                    && node.proxy().callsInProgress() == 0;
            if (!released) {
                LockSupport.parkNanos(Duration.ofMillis(GC_POLL_MILLIS).toNanos());
            }
        }
        assertTrue(released, "still reachable: " + records.stream().filter(r -> r.get() != null).count() + " of "
                + records.size() + " call records, " + node.proxy().transactionsInProgress() + " server transactions, "
                + node.proxy().callsInProgress() + " calls");
    }
}
