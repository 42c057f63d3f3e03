package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

class CallBombingDetectorTest {

    private final CallScript script = new CallScript(BehaviourSettings.DEFAULTS);

    @Test
    void fourthAttemptOfOneCallerAtOneCalleeIsMarkedSeventhRejected() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.ALLOW, script.failed("13800000001", "13900000001"));
        }
        Verdict fourth = script.failed("13800000001", "13900000001");
        assertEquals(Action.MARK, fourth.action());
        assertEquals(RuleIds.BOMBING_PAIR, fourth.ruleId());
        script.failed("13800000001", "13900000001");
        script.failed("13800000001", "13900000001");
        assertEquals(Action.REJECT, script.failed("13800000001", "13900000001").action());
    }

    @Test
    void sixAttemptsSpreadOverADayAreMarked() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Verdict.ALLOW, script.failed("13800000002", "13900000002"));
            script.clock.advance(3 * 3_600_000L);
        }
        assertEquals(Action.MARK, script.failed("13800000002", "13900000002").action());
    }

    @Test
    void conversationsAreNotBombing() {
        for (int i = 0; i < 20; i++) {
            script.answered("t1", null, "13800000003", "13900000003", 30_000);
        }
        assertFalse(script.detected(RuleIds.BOMBING_PAIR));
        assertFalse(script.detected(RuleIds.BOMBING_CALLEE));
    }

    @Test
    void serviceNumbersAreNeverVictims() {
        for (int i = 0; i < 30; i++) {
            script.failed("1380000" + String.format("%04d", i), "95588");
        }
        assertFalse(script.detected(RuleIds.BOMBING_CALLEE));
    }

    @Test
    void tenAttemptsAtACalleeWarnAndTheProtectionEnds() {
        for (int i = 0; i < 10; i++) {
            script.failed("1380000" + String.format("%04d", i), "13900000004");
        }
        assertEquals(Action.MARK, script.judge("13700000000", "13900000004").action());
        script.clock.advance(6 * 60_000L);
        assertEquals(Verdict.ALLOW, script.judge("13700000001", "13900000004"));
    }

    @Test
    void redialsAMinuteAndAHalfApartAreNotBombing() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Verdict.ALLOW, script.failed("13800000005", "13900000005"));
            script.clock.advance(90_000);
        }
    }

    @Test
    void redialsKeepingThePaceAreMarkedOnTheFourth() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.ALLOW, script.failed("13800000006", "13900000006"));
            script.clock.advance(70_000);
        }
        assertEquals(Action.MARK, script.failed("13800000006", "13900000006").action());
    }

    @Test
    void aRunLongerThanTheWindowCountsOnlyItsLastFiveMinutes() {
        for (int i = 0; i < 4; i++) {
            script.failed("13800000007", "13900000007");
            script.clock.advance(74_800);
        }
        // Attempts at 0, 75, 150, 225 s: the fourth was marked; the fifth at 300 s finds the
        // first outside the window and the run is still four.
        script.detections.clear();
        assertEquals(Action.MARK, script.failed("13800000007", "13900000007").action());
        assertEquals(4, script.detections.get(0).observed());
    }
}
