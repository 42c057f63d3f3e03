package org.trunkguard.behaviour;

import org.trunkguard.time.ManualClock;

import java.util.ArrayList;
import java.util.List;
import org.trunkguard.verdict.Verdict;

/**
 * Drives a guard through whole calls on a fake clock: each helper judges the attempt, plays
 * the life cycle if the call was forwarded, and advances the clock.
 */
final class CallScript {

    final ManualClock clock;
    final BehaviourGuard guard;
    final List<Detection> detections = new ArrayList<>();
    private int nextCallId;

    CallScript(BehaviourSettings settings) {
        this.clock = new ManualClock(java.time.Instant.parse("2026-11-24T02:00:00Z"));
        this.guard = new BehaviourGuard(settings, clock, (detection, verdict) -> detections.add(detection));
    }

    CallAttempt attempt(String trunk, String enterprise, String caller, String callee, String category) {
        return new CallAttempt("call-" + nextCallId++, clock.millis(), trunk, enterprise, caller, callee, category);
    }

    Verdict judge(String caller, String callee) {
        return guard.judge(attempt("t1", null, caller, callee, null));
    }

    /** Rings for {@code ringMillis}, then the caller cancels. */
    Verdict ringAndCancel(String caller, String callee, long ringMillis) {
        CallAttempt call = attempt("t1", null, caller, callee, null);
        Verdict verdict = guard.judge(call);
        clock.advance(200);
        guard.on(call.event(CallEvent.Kind.RINGING, clock.millis()));
        clock.advance(ringMillis);
        guard.on(call.event(CallEvent.Kind.CANCELLED, clock.millis()));
        return verdict;
    }

    /** Rings 2 s, is answered and talks for {@code talkMillis}. */
    Verdict answered(String trunk, String enterprise, String caller, String callee, long talkMillis) {
        CallAttempt call = attempt(trunk, enterprise, caller, callee, null);
        Verdict verdict = guard.judge(call);
        clock.advance(200);
        guard.on(call.event(CallEvent.Kind.RINGING, clock.millis()));
        clock.advance(2_000);
        guard.on(call.event(CallEvent.Kind.ANSWERED, clock.millis()));
        clock.advance(talkMillis);
        guard.on(call.event(CallEvent.Kind.ENDED, clock.millis()));
        return verdict;
    }

    /** Rings and fails (busy, declined). */
    Verdict failed(String caller, String callee) {
        CallAttempt call = attempt("t1", null, caller, callee, null);
        Verdict verdict = guard.judge(call);
        clock.advance(200);
        guard.on(call.event(CallEvent.Kind.FAILED, clock.millis()));
        return verdict;
    }

    boolean detected(String ruleId) {
        return detections.stream().anyMatch(d -> d.ruleId().equals(ruleId));
    }
}
