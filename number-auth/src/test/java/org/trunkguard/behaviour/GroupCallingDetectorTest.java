package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trunkguard.verdict.Action;

class GroupCallingDetectorTest {

    private final CallScript script = new CallScript(BehaviourSettings.DEFAULTS);

    private static String scattered(int i) {
        return String.valueOf(13_000_000_000L + (i * 104_729L * 7_919L) % 999_999_999L);
    }

    @Test
    void manyCalleesWithARobodialerProfileAreGroupCalling() {
        for (int i = 0; i < 60; i++) {
            if (i % 5 == 0) {
                script.answered("t1", null, "17200000000", scattered(i), 1_500);
            } else {
                script.failed("17200000000", scattered(i));
            }
        }
        assertTrue(script.detected(RuleIds.GROUP_CALLING));
        assertEquals(Action.REJECT, script.judge("17200000000", scattered(999)).action());
    }

    @Test
    void manyCalleesWhoTalkAreNotGroupCalling() {
        for (int i = 0; i < 80; i++) {
            script.answered("t1", null, "4008001234", scattered(i), 45_000);
            script.clock.advance(-44_000);
        }
        assertFalse(script.detected(RuleIds.GROUP_CALLING));
    }

    @Test
    void sweepsWithSmallGapsAreFollowedAndBrokenByAJump() {
        long first = 13_912_340_000L;
        for (int i = 0; i < 9; i++) {
            script.failed("17100000000", String.valueOf(first + i * 2));
        }
        assertFalse(script.detected(RuleIds.GROUP_CALLING_SWEEP));
        script.failed("17100000000", String.valueOf(first + 18));
        assertTrue(script.detected(RuleIds.GROUP_CALLING_SWEEP));
        script.detections.clear();
        script.failed("17100000000", "13500000000");
        script.failed("17100000000", "13500000001");
        assertFalse(script.detected(RuleIds.GROUP_CALLING_SWEEP));
    }

    @Test
    void numbersOfDifferentLengthsAreNotNeighbours() {
        CallerProfile profile = new CallerProfile(WindowShape.of(CallerProfile.CHANNELS, java.time.Duration.ofMinutes(5), 5));
        WindowShape shape = WindowShape.of(CallerProfile.CHANNELS, java.time.Duration.ofMinutes(5), 5);
        assertEquals(1, profile.attempt(shape, NumberKey.of("0105555000"), 1_000, 3));
        assertEquals(1, profile.attempt(shape, NumberKey.of("105555001"), 2_000, 3));
        assertEquals(2, profile.attempt(shape, NumberKey.of("105555002"), 3_000, 3));
    }
}
