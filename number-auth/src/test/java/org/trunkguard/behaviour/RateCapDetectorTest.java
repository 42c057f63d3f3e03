package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

class RateCapDetectorTest {

    private final CallScript script = new CallScript(BehaviourSettings.DEFAULTS.withRateCaps(
            RateCapSettings.DEFAULTS.withTrunk("small", new TrunkContract(2, 2, 3))));

    private Verdict onSmallTrunk(String caller, String callee) {
        return script.guard.judge(script.attempt("small", "ent", caller, callee, null));
    }

    @Test
    void trunkAboveContractedRateIsThrottledWithRetryAfter() {
        assertEquals(Verdict.ALLOW, onSmallTrunk("01055550001", "13900000001"));
        assertEquals(Verdict.ALLOW, onSmallTrunk("01055550002", "13900000002"));
        Verdict third = onSmallTrunk("01055550003", "13900000003");
        assertEquals(Action.THROTTLE, third.action());
        assertEquals(RuleIds.RATE_TRUNK_CPS, third.ruleId());
        assertEquals(503, third.sipStatus());
        assertEquals(1, third.retryAfterSeconds());
        script.clock.advance(500);
        assertEquals(Verdict.ALLOW, onSmallTrunk("01055550004", "13900000004"));
    }

    @Test
    void trunkConcurrencyIsReleasedWhenCallsEnd() {
        CallAttempt[] up = new CallAttempt[3];
        for (int i = 0; i < 3; i++) {
            up[i] = script.attempt("small", "ent", "0105555000" + i, "1390000000" + i, null);
            assertEquals(Verdict.ALLOW, script.guard.judge(up[i]));
            script.clock.advance(1_000);
        }
        Verdict fourth = onSmallTrunk("01055550009", "13900000009");
        assertEquals(RuleIds.RATE_TRUNK_CONCURRENT, fourth.ruleId());
        script.guard.on(up[0].event(CallEvent.Kind.FAILED, script.clock.advance(1_000)));
        assertEquals(Verdict.ALLOW, onSmallTrunk("01055550009", "13900000008"));
    }

    @Test
    void lostByeReleasesConcurrencyAfterTheMaximumCallDuration() {
        for (int i = 0; i < 3; i++) {
            script.guard.judge(script.attempt("small", "ent", "0105555000" + i, "1390000000" + i, null));
            script.clock.advance(1_000);
        }
        script.clock.advance(BehaviourSettings.DEFAULTS.limits().maxCallDuration().toMillis() + 1);
        script.guard.on(script.attempt("small", "ent", "0", "0", null).event(CallEvent.Kind.ENDED, script.clock.millis()));
        script.guard.trackedCalls();
        assertEquals(Verdict.ALLOW, onSmallTrunk("01055550009", "13900000008"));
    }

    @Test
    void aContractCarriedByTheCallWinsOverTheSettings() {
        CallAttempt[] up = new CallAttempt[2];
        for (int i = 0; i < 2; i++) {
            up[i] = carrying(new TrunkContract(0, 0, 2), "0105555000" + i, "1390000000" + i);
            assertEquals(Verdict.ALLOW, script.guard.judge(up[i]), "the settings know no contract for this trunk");
        }
        Verdict third = script.guard.judge(carrying(new TrunkContract(0, 0, 2), "01055550009", "13900000009"));
        assertEquals(RuleIds.RATE_TRUNK_CONCURRENT, third.ruleId());
        script.guard.on(up[0].event(CallEvent.Kind.FAILED, script.clock.advance(1_000)));
        assertEquals(Verdict.ALLOW, script.guard.judge(carrying(new TrunkContract(0, 0, 2), "01055550009", "13900000008")),
                "the concurrency the carried contract counted is released");
    }

    private CallAttempt carrying(TrunkContract contract, String caller, String callee) {
        return new CallAttempt("carried-" + caller + callee, script.clock.millis(), "newly-added", "ent", caller, callee,
                null, contract);
    }

    @Test
    void callerAboveItsRateIsThrottled() {
        Verdict last = Verdict.ALLOW;
        for (int i = 0; i < 21; i++) {
            last = script.judge("13800000000", "1390000" + String.format("%04d", i * 31));
        }
        assertEquals(RuleIds.RATE_CALLER_CPS, last.ruleId());
        assertEquals(Action.THROTTLE, last.action());
    }
}
