package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trunkguard.time.ManualClock;
import org.trunkguard.verdict.Verdict;

/**
 * A guard rebuilt by a reload (new thresholds, contracts or actions) continues the state of the
 * one it replaces where the windows are unchanged, so a reload gives no abuser a fresh start and
 * loses no call in progress; where a window changed, that detector starts afresh.
 */
class GuardReloadTest {

    private static final String BAITER = "17000000001";
    private static final RingOnceSettings STRICTER_RING_ONCE =
            new RingOnceSettings(RingOnceSettings.DEFAULTS.window(), RingOnceSettings.DEFAULTS.maxRing(), 3, 4, 0.5);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T02:00:00Z"));
    private int nextCallId;

    @Test
    void ringOnceCountsCarryOverWhenOnlyTheThresholdsChange() {
        BehaviourGuard before = guard(BehaviourSettings.DEFAULTS, null);
        ringAndCancelFourTimes(before);
        assertEquals(Verdict.ALLOW, judge(before, BAITER), "4 cancels are below the default warning count of 5");

        BehaviourGuard after = guard(BehaviourSettings.DEFAULTS.withRingOnce(STRICTER_RING_ONCE), before);
        Verdict next = judge(after, BAITER);
        assertTrue(next.blocksCall(), "the 4 cancels counted before the reload reach the new critical count: " + next);
        assertEquals(RuleIds.RING_ONCE, next.ruleId());
    }

    @Test
    void aDetectorWhoseWindowChangedStartsAfresh() {
        BehaviourGuard before = guard(BehaviourSettings.DEFAULTS, null);
        ringAndCancelFourTimes(before);

        RingOnceSettings longerWindow = new RingOnceSettings(Duration.ofMinutes(20), STRICTER_RING_ONCE.maxRing(),
                STRICTER_RING_ONCE.warningCount(), STRICTER_RING_ONCE.criticalCount(), STRICTER_RING_ONCE.minShare());
        BehaviourGuard after = guard(BehaviourSettings.DEFAULTS.withRingOnce(longerWindow), before);
        assertEquals(Verdict.ALLOW, judge(after, BAITER), "counts of a 10-minute window mean nothing in a 20-minute one");
    }

    @Test
    void aCallInProgressStillHoldsItsConcurrencyAfterAReload() {
        BehaviourSettings oneAtATime = BehaviourSettings.DEFAULTS.withRateCaps(
                new RateCapSettings(Map.of(), TrunkContract.UNLIMITED, new TrunkContract(0, 0, 1)));
        BehaviourGuard before = guard(oneAtATime, null);
        CallAttempt up = attempt("13800138000", "13912345678");
        assertEquals(Verdict.ALLOW, before.judge(up));
        before.on(up.event(CallEvent.Kind.ANSWERED, clock.millis()));

        BehaviourGuard after = guard(oneAtATime.withRingOnce(STRICTER_RING_ONCE), before);
        Verdict second = judge(after, "13800138000");
        assertEquals(RuleIds.RATE_CALLER_CONCURRENT, second.ruleId(), "the call up since before the reload counts: " + second);

        after.on(up.event(CallEvent.Kind.ENDED, clock.millis()));
        assertEquals(Verdict.ALLOW, judge(after, "13800138000"), "its end, seen by the new guard, frees the place");
    }

    @Test
    void aCallAdmittedWithoutACapReleasesNothingWhenItEndsUnderOne() {
        BehaviourSettings uncapped = BehaviourSettings.DEFAULTS.withRateCaps(
                new RateCapSettings(Map.of(), TrunkContract.UNLIMITED, TrunkContract.UNLIMITED));
        BehaviourGuard before = guard(uncapped, null);
        CallAttempt early = attempt("13800138000", "13912345678");
        assertEquals(Verdict.ALLOW, before.judge(early));

        BehaviourGuard after = guard(uncapped.withRateCaps(
                new RateCapSettings(Map.of(), TrunkContract.UNLIMITED, new TrunkContract(0, 0, 1))), before);
        CallAttempt counted = attempt("13800138000", "13987654321");
        assertEquals(Verdict.ALLOW, after.judge(counted));
        after.on(early.event(CallEvent.Kind.ENDED, clock.millis()));
        Verdict third = judge(after, "13800138000");
        assertEquals(RuleIds.RATE_CALLER_CONCURRENT, third.ruleId(),
                "the early call was never counted, so its end must not free the counted call's place: " + third);
    }

    private BehaviourGuard guard(BehaviourSettings settings, BehaviourGuard previous) {
        BehaviourGuard guard = new BehaviourGuard(settings, clock, (detection, verdict) -> { }, previous);
        if (previous != null) {
            guard.penaltyBox().takeOver(previous.penaltyBox());
        }
        return guard;
    }

    private void ringAndCancelFourTimes(BehaviourGuard guard) {
        for (int i = 0; i < 4; i++) {
            CallAttempt call = attempt(BAITER, "139" + (10_000_000 + i * 7919));
            assertEquals(Verdict.ALLOW, guard.judge(call));
            clock.advance(200);
            guard.on(call.event(CallEvent.Kind.RINGING, clock.millis()));
            clock.advance(1_000);
            guard.on(call.event(CallEvent.Kind.CANCELLED, clock.millis()));
            clock.advance(1_500);
        }
    }

    private Verdict judge(BehaviourGuard guard, String caller) {
        return guard.judge(attempt(caller, "13900000000"));
    }

    private CallAttempt attempt(String caller, String callee) {
        return new CallAttempt("reload-" + nextCallId++, clock.millis(), "t1", null, caller, callee, null);
    }
}
