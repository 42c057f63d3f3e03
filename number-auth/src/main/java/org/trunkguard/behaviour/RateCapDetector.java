package org.trunkguard.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Rate and concurrency caps per trunk (the contract) and per calling number. A call above a cap
 * is critical at once: caps are contracts, not suspicions. Concurrency counts forwarded calls
 * from admission to their end, or until a call is forgotten (lost BYE).
 */
final class RateCapDetector implements Detector {

    private static final long MAX_TRUNKS = 100_000;

    private final RateCapSettings settings;
    private final Duration trunkIdle;
    private final Cache<String, RateState> trunks;
    private final SlotTable callers;
    private final Function<String, RateState> newTrunkState;

    RateCapDetector(RateCapSettings settings, StateLimits limits, Clock clock) {
        this(settings, limits, clock, null);
    }

    /**
     * Continues the buckets and concurrent-call counts of {@code previous} (null: none) when the
     * state limits are unchanged: a reload that changes a contract applies it to the same counts.
     */
    RateCapDetector(RateCapSettings settings, StateLimits limits, Clock clock, Detector previous) {
        this.settings = settings;
        RateCapDetector before = previous instanceof RateCapDetector p ? p : null;
        // Idle expiry past the longest call: a state must not vanish while its calls are up.
        this.trunkIdle = limits.maxCallDuration();
        this.trunks = before != null && before.trunkIdle.equals(trunkIdle) ? before.trunks
                : Caches.bounded(MAX_TRUNKS, trunkIdle, clock);
        this.callers = SlotTable.reuseOrNew(before == null ? null : before.callers, null, RateState.LONGS,
                RateState.INTS, limits.maxCallers(), limits.maxCallDuration().toMillis());
        this.newTrunkState = trunk -> new RateState();
    }

    @Override
    public void onAttempt(CallAttempt call, TrackedCall tracked, Judgement judgement) {
        TrunkContract trunkContract = settings.contractOf(call);
        if (limited(trunkContract)) {
            check(trunks.get(call.trunkId(), newTrunkState), trunkContract, call, tracked, judgement, Subject.TRUNK,
                    call.trunkId(), RuleIds.RATE_TRUNK_CPS, RuleIds.RATE_TRUNK_CONCURRENT);
        }
        TrunkContract callerContract = settings.perCaller();
        if (limited(callerContract)) {
            checkCaller(callerContract, call, tracked, judgement);
        }
    }

    private static void check(RateState state, TrunkContract contract, CallAttempt call, TrackedCall tracked,
            Judgement judgement,
            Subject subject, String key, String rateRule, String concurrencyRule) {
        boolean taken = contract.callsPerSecond() <= 0 || state.tryTake(contract, call.atMillis());
        report(taken, state.concurrent(), contract, tracked, judgement, subject, key, rateRule, concurrencyRule);
    }

    private void checkCaller(TrunkContract contract, CallAttempt call, TrackedCall tracked, Judgement judgement) {
        boolean taken;
        int concurrent;
        SlotStripe stripe = callers.stripe(tracked.callerKey);
        synchronized (stripe) {
            int slot = stripe.claim(tracked.callerKey, call.atMillis());
            taken = contract.callsPerSecond() <= 0
                    || RateState.tryTake(stripe.longs, stripe.longBase(slot), contract, call.atMillis());
            concurrent = stripe.ints[stripe.intBase(slot) + RateState.CONCURRENT];
        }
        report(taken, concurrent, contract, tracked, judgement, Subject.CALLER, call.caller(), RuleIds.RATE_CALLER_CPS,
                RuleIds.RATE_CALLER_CONCURRENT);
    }

    private static void report(boolean taken, int concurrent, TrunkContract contract, TrackedCall tracked,
            Judgement judgement,
            Subject subject, String key, String rateRule, String concurrencyRule) {
        if (!taken) {
            judgement.report(tracked, new Detection(rateRule, Severity.CRITICAL, subject, key, contract.callsPerSecond(),
                    contract.callsPerSecond(), "above " + contract.callsPerSecond() + " calls per second (burst "
                            + contract.burst() + ")"));
        }
        if (contract.maxConcurrent() > 0 && concurrent >= contract.maxConcurrent()) {
            judgement.report(tracked, new Detection(concurrencyRule, Severity.CRITICAL, subject, key, concurrent,
                    contract.maxConcurrent(), concurrent + " calls in progress, cap " + contract.maxConcurrent()));
        }
    }

    @Override
    public void onAdmitted(TrackedCall call) {
        boolean onTrunk = settings.contractOf(call.attempt).maxConcurrent() > 0;
        boolean forCaller = settings.perCaller().maxConcurrent() > 0;
        call.countedConcurrency(onTrunk, forCaller);
        if (onTrunk) {
            trunks.get(call.attempt.trunkId(), newTrunkState).started();
        }
        if (forCaller) {
            SlotStripe stripe = callers.stripe(call.callerKey);
            synchronized (stripe) {
                int slot = stripe.claim(call.callerKey, call.attempt.atMillis());
                stripe.ints[stripe.intBase(slot) + RateState.CONCURRENT]++;
            }
        }
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        release(call, atMillis);
    }

    @Override
    public void onForgotten(TrackedCall call) {
        release(call, call.attempt.atMillis());
    }

    private void release(TrackedCall call, long atMillis) {
        if (call.countedOnTrunk()) {
            RateState trunk = trunks.getIfPresent(call.attempt.trunkId());
            if (trunk != null) {
                trunk.ended();
            }
        }
        if (call.countedForCaller()) {
            SlotStripe stripe = callers.stripe(call.callerKey);
            synchronized (stripe) {
                int slot = stripe.find(call.callerKey, atMillis);
                if (slot >= 0) {
                    RateState.ended(stripe.ints, stripe.intBase(slot));
                }
            }
        }
    }

    private static boolean limited(TrunkContract contract) {
        return contract.callsPerSecond() > 0 || contract.maxConcurrent() > 0;
    }
}
