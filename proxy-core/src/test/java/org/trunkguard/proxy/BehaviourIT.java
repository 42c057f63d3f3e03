package org.trunkguard.proxy;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.behaviour.PenaltyEntry;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.sip.Transport;

/**
 * The harassment patterns of issue 4 through a running node with its defaults, driven by
 * JAIN-SIP user agents; the life-cycle clock is moved by hand. Callee numbers starting with 180
 * ring until cancelled, others are answered (see {@link Callee}).
 */
class BehaviourIT {
    /** A Tuesday, 10:00 in Beijing: inside marketing hours, so no calling-hour rule interferes. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T02:00:00Z");

    private ManualClock clock;
    private TrunkguardNode node;
    private Callee callee;
    private Caller caller;
    private SipScript script;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(TUESDAY_MORNING);
        node = TrunkguardNode.start(TestTopology.load(Transport.UDP), TrunkguardNode.NodeObservers.NONE, clock);
        callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, "udp");
        caller = new Caller(TestTopology.CALLER_HOST, 5070, "udp", TestTopology.PROXY);
        script = new SipScript(caller, clock);
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
        node.close();
    }

    @Test
    void ringOnceCallerIsCaughtOnItsNextCallThenLiftedByTheOperator() throws Exception {
        String baiter = "01055551001";
        List<Integer> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(script.ringAndCancel(baiter, "180139" + String.format("%05d", 100 + i)));
        }
        int next = script.outcome(baiter, "13900000001");
        assertEquals(603, next, "a caller with 20 ring-and-cancel calls in a minute is rejected; outcomes " + outcomes);
        List<PenaltyEntry> box = node.guard().penaltyBox().list();
        assertTrue(box.stream().anyMatch(e -> e.toString().contains(baiter)), box.toString());
        assertTrue(node.guard().penaltyBox().lift(baiter));
        clock.advance(11 * 60_000);
        assertEquals(180, script.outcome(baiter, "18013900300"), "after the operator lifts the penalty, calls pass");
    }

    @Test
    void penaltyExpiresByItself() throws Exception {
        String baiter = "01055551002";
        for (int i = 0; i < 20; i++) {
            script.ringAndCancel(baiter, "180139" + String.format("%05d", 400 + i));
        }
        assertEquals(603, script.outcome(baiter, "13900000001"));
        clock.advance(31 * 60_000);
        assertEquals(180, script.outcome(baiter, "18013900500"), "the 30-minute penalty and the 10-minute window are over");
    }

    @Test
    void bombedCalleeIsProtectedAndOthersAreNot() throws Exception {
        String victim = "18013900777";
        for (int i = 0; i < 15; i++) {
            script.ringAndCancel("0105555" + (2000 + i), victim);
            clock.advance(2000);
        }
        int sixteenth = script.outcome("01055552100", victim);
        assertNotEquals(180, sixteenth, "the 16th call within a minute to one callee is stopped");
        assertEquals(180, script.outcome("01055552101", "18013900778"), "another callee is not affected");
    }

    @Test
    void sequentialSweepIsCaught() throws Exception {
        String dialer = "01055553001";
        int caughtAt = -1;
        for (int i = 0; i < 40 && caughtAt < 0; i++) {
            int status = script.answerAndHangUp(dialer, "139010" + String.format("%05d", i), 1);
            if (status >= 400) {
                caughtAt = i;
            }
            clock.advance(500);
        }
        assertTrue(caughtAt > 0 && caughtAt < 40, "a caller sweeping consecutive numbers is stopped, here at call " + caughtAt);
    }

    @Test
    void ordinaryCallsAndABusyServiceLineAreNotAbuse() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, script.answerAndHangUp("01055554001", "1390" + (1234567 + 97 * i), 2), "ordinary call " + i);
            clock.advance(5000);
        }
        String[] scattered = new String[30];
        for (int i = 0; i < 30; i++) {
            scattered[i] = "13" + (7 + i % 3) + String.format("%08d", 1_000_003L * (i + 11) % 100_000_000L);
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(200, script.answerAndHangUp("95588", scattered[i], 5), "95588 answered call " + i);
            clock.advance(1000);
        }
    }
}
