package org.trunkguard.admin;

import org.trunkguard.time.ManualClock;

import org.trunkguard.behaviour.BehaviourGuard;
import org.trunkguard.behaviour.CallAttempt;
import org.trunkguard.behaviour.CallEvent;
import org.trunkguard.verdict.Verdict;

/**
 * Puts a caller in a guard's penalty box the way production does: twenty calls that ring about
 * a second and are cancelled (the default ring-once rule), then one more call that the rule
 * rejects and boxes.
 */
final class RingOnceCaller {
    private RingOnceCaller() {
    }

    static Verdict box(BehaviourGuard guard, ManualClock clock, String caller) {
        for (int i = 0; i < 20; i++) {
            CallAttempt call = attempt(clock, caller + "-" + i, caller, "139" + (10_000_000 + i * 7919));
            guard.judge(call);
            clock.advance(200);
            guard.on(call.event(CallEvent.Kind.RINGING, clock.millis()));
            clock.advance(1_000);
            guard.on(call.event(CallEvent.Kind.CANCELLED, clock.millis()));
            clock.advance(1_500);
        }
        return guard.judge(attempt(clock, caller + "-last", caller, "13912345678"));
    }

    private static CallAttempt attempt(ManualClock clock, String callId, String caller, String callee) {
        return new CallAttempt(callId, clock.millis(), "ent-1", null, caller, callee, null);
    }
}
