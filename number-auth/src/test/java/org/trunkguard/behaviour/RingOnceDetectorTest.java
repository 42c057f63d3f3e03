package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trunkguard.verdict.Action;

class RingOnceDetectorTest {

    private final CallScript script = new CallScript(BehaviourSettings.DEFAULTS);

    @Test
    void fiveShortRingsMarkTenReject() {
        for (int i = 0; i < 5; i++) {
            script.ringAndCancel("17000000001", "1391000000" + i, 2_000);
        }
        assertEquals(Action.MARK, script.judge("17000000001", "13910000009").action());
        for (int i = 0; i < 5; i++) {
            script.ringAndCancel("17000000001", "1392000000" + i, 2_000);
        }
        assertEquals(Action.REJECT, script.judge("17000000001", "13910000009").action());
    }

    @Test
    void cancelsAfterLongRingingAreNotRingOnce() {
        for (int i = 0; i < 12; i++) {
            script.ringAndCancel("13800000001", "1391000000" + (i % 10), 6_000);
        }
        script.judge("13800000001", "13910000001");
        assertFalse(script.detected(RuleIds.RING_ONCE));
    }

    @Test
    void aLineThatCompletesMostCallsIsNotABaiter() {
        for (int i = 0; i < 12; i++) {
            script.ringAndCancel("13800000002", "1391000000" + (i % 10), 1_000);
            for (int j = 0; j < 2; j++) {
                script.answered("t1", null, "13800000002", "1392000000" + j, 60_000);
            }
        }
        script.judge("13800000002", "13910000001");
        assertFalse(script.detected(RuleIds.RING_ONCE));
    }

    @Test
    void evidenceLeavesTheWindow() {
        for (int i = 0; i < 12; i++) {
            script.ringAndCancel("17000000005", "1391000000" + (i % 10), 1_000);
        }
        script.judge("17000000005", "13910000001");
        assertTrue(script.detected(RuleIds.RING_ONCE));
        script.guard.penaltyBox().lift("17000000005");
        script.detections.clear();
        script.clock.advance(12 * 60_000L);
        script.judge("17000000005", "13910000001");
        assertFalse(script.detected(RuleIds.RING_ONCE));
    }
}
