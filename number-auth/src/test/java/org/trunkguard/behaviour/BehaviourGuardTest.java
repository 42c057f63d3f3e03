package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/** The acceptance cases of issue 4, through the guard on the default settings. */
class BehaviourGuardTest {

    private final CallScript script = new CallScript(BehaviourSettings.DEFAULTS);

    @Test
    void callerWithTwentyCancelsRightAfterRingingIsCaughtOnItsNextCall() {
        for (int i = 0; i < 20; i++) {
            script.ringAndCancel("17000000001", "139" + (10_000_000 + i * 7919), 1_000);
            script.clock.advance(1_500);
        }
        Verdict next = script.judge("17000000001", "13912345678");
        assertEquals(Action.REJECT, next.action());
        assertEquals(RuleIds.RING_ONCE, next.ruleId());
        assertEquals(603, next.sipStatus());
        assertEquals("17000000001", script.guard.penaltyBox().list().get(0).caller());
    }

    @Test
    void calleeWithFifteenCallsInAMinuteIsProtectedAndOthersAreNot() {
        for (int i = 0; i < 15; i++) {
            script.failed("1380000" + String.format("%04d", i * 37), "13912345678");
            script.clock.advance(3_800);
        }
        Verdict toVictim = script.judge("13600000000", "13912345678");
        assertTrue(toVictim.blocksCall(), toVictim.toString());
        assertEquals(RuleIds.BOMBING_CALLEE, toVictim.ruleId());
        assertEquals(486, toVictim.sipStatus());
        assertEquals(Verdict.ALLOW, script.judge("13600000000", "13987654321"));
        assertEquals(Verdict.ALLOW, script.judge("13800000037", "13811112222"));
    }

    @Test
    void callerSweepingFortyConsecutiveNumbersIsCaught() {
        for (int i = 0; i < 40; i++) {
            script.failed("17100000000", String.valueOf(13_912_340_000L + i));
            script.clock.advance(1_000);
        }
        Verdict next = script.judge("17100000000", "13500000000");
        assertTrue(next.blocksCall(), next.toString());
        assertEquals(RuleIds.GROUP_CALLING_SWEEP, next.ruleId());
    }

    @Test
    void fiveOrdinaryCallsToDifferentCalleesAreNotCaught() {
        String[] callees = {"13912345678", "01062345678", "13587654321", "02188889999", "18600001111"};
        for (String callee : callees) {
            assertEquals(Verdict.ALLOW, script.answered("t1", null, "13800138000", callee, 1_000));
            script.clock.advance(5_000);
        }
        assertEquals(Verdict.ALLOW, script.judge("13800138000", "13711112222"));
        assertTrue(script.detections.isEmpty(), script.detections.toString());
    }

    @Test
    void serviceNumberWithThirtyAnsweredCallsWithinContractIsNotCaught() {
        CallScript contracted = new CallScript(BehaviourSettings.DEFAULTS.withRateCaps(
                RateCapSettings.DEFAULTS.withTrunk("bank-trunk", new TrunkContract(5, 10, 60))));
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 30; i++) {
            String callee = "13" + (100_000_000 + random.nextInt(900_000_000));
            Verdict verdict = contracted.answered("bank-trunk", "bank", "95588", callee, 6_000);
            assertEquals(Verdict.ALLOW, verdict, "call " + i);
            contracted.clock.advance(-6_000);
        }
        assertEquals(Verdict.ALLOW, contracted.guard.judge(contracted.attempt("bank-trunk", "bank", "95588", "13900001111", null)));
        assertTrue(contracted.detections.isEmpty(), contracted.detections.toString());
    }

    @Test
    void emergencyCallsAreNeverJudged() {
        for (int i = 0; i < 20; i++) {
            script.ringAndCancel("17000000002", "139" + (10_000_000 + i * 7919), 1_000);
        }
        assertEquals(Verdict.ALLOW, script.judge("17000000002", "110"));
        assertTrue(script.judge("17000000002", "13900000000").blocksCall());
    }

    @Test
    void penaltyExpiresByItselfAndCanBeLifted() {
        for (int i = 0; i < 20; i++) {
            script.ringAndCancel("17000000003", "139" + (10_000_000 + i * 7919), 1_000);
        }
        assertTrue(script.judge("17000000003", "13900000000").blocksCall());
        script.clock.advance(31 * 60_000L);
        assertEquals(Verdict.ALLOW, script.judge("17000000003", "13900000001"));
        assertTrue(script.guard.penaltyBox().list().isEmpty());

        for (int i = 0; i < 20; i++) {
            script.ringAndCancel("17000000004", "139" + (20_000_000 + i * 7919), 1_000);
        }
        assertTrue(script.judge("17000000004", "13900000000").blocksCall());
        assertTrue(script.guard.penaltyBox().lift("17000000004"));
        assertFalse(script.guard.penaltyBox().lift("17000000004"));
        script.clock.advance(11 * 60_000L);
        assertEquals(Verdict.ALLOW, script.judge("17000000004", "13900000001"));
    }

    @Test
    void reportOnlyRuleReportsButAllows() {
        BehaviourSettings defaults = BehaviourSettings.DEFAULTS;
        CallScript trial = new CallScript(defaults
                .withPolicy(defaults.policies().get(RuleIds.GROUP_CALLING_SWEEP).withActions(Action.ALLOW, Action.ALLOW))
                .withPolicy(defaults.policies().get(RuleIds.GROUP_CALLING).withActions(Action.ALLOW, Action.ALLOW)));
        for (int i = 0; i < 40; i++) {
            trial.failed("17100000001", String.valueOf(13_912_340_000L + i));
        }
        assertEquals(Verdict.ALLOW, trial.judge("17100000001", "13500000000"));
        assertTrue(trial.detected(RuleIds.GROUP_CALLING_SWEEP));
        assertTrue(trial.guard.penaltyBox().list().isEmpty());
    }
}
