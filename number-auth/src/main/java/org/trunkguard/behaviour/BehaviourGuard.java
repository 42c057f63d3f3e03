package org.trunkguard.behaviour;

import java.time.Clock;
import java.util.Objects;
import org.trunkguard.verdict.Verdict;

/**
 * The one entry point of the behaviour rules. The proxy calls {@link #judge(CallAttempt)} before
 * forwarding an INVITE and {@link #on(CallEvent)} for every later step of a forwarded call;
 * operators reach the {@link #penaltyBox()}. Thread-safe; meant to be called from every event
 * loop at once.
 *
 * <pre>{@code
 * BehaviourGuard guard = new BehaviourGuard(BehaviourSettings.DEFAULTS, Clock.systemUTC(), traceWriter);
 * Verdict verdict = guard.judge(new CallAttempt(callId, now, trunkId, enterpriseId, caller, callee, category));
 * ... on 180: guard.on(attempt.event(CallEvent.Kind.RINGING, now));
 * }</pre>
 *
 * <p>Design: detectors only count and report ({@link Detector}); the policy turns detections into
 * verdicts by each rule's action ladder; a caller found critical by a rule with a penalty goes
 * into the penalty box and every call of it gets that verdict until the entry expires. All
 * state is bounded and expiring: per-number records in primitive {@link SlotTable}s and calls
 * in progress in a {@link CallTable}, both timed by the calls' and events' own times, so a
 * replayed or simulated stream is judged the same as a live one; the penalty box is timed by
 * the given clock.
 */
public final class BehaviourGuard {

    /** Detectors in {@link #detectors}, in a fixed order so a reloaded guard finds its predecessors. */
    private static final int DETECTORS = 5;

    private final BehaviourSettings settings;
    private final PenaltyBox penaltyBox;
    private final Judgement judgement;
    private final MarketingRulesDetector marketingRules;
    private final Detector[] detectors;
    private final CallTable calls;
    private final Clock clock;

    /**
     * @param settings the thresholds and ladders ({@link BehaviourSettings#DEFAULTS} for the defaults)
     * @param clock    times state expiry and the penalty box listing; call times come with the calls
     * @param listener receives every detection with its verdict (trace, metrics)
     */
    public BehaviourGuard(BehaviourSettings settings, Clock clock, DetectionListener listener) {
        this(settings, clock, listener, null);
    }

    /**
     * A guard that replaces {@code previous} (a reload): each detector whose windows and state
     * limits are unchanged continues the previous one's counts, and the calls in progress stay
     * followed, so a reload that only moves thresholds or actions gives no abuser a fresh start.
     * A detector whose windows changed starts counting afresh. Penalties are carried over by
     * {@link PenaltyBox#takeOver}. Until this guard replaces it, {@code previous} keeps judging
     * on the shared state.
     *
     * @param previous the guard being replaced, or null
     */
    public BehaviourGuard(BehaviourSettings settings, Clock clock, DetectionListener listener, BehaviourGuard previous) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        StateLimits limits = settings.limits();
        this.penaltyBox = new PenaltyBox(limits.maxPenaltyEntries(), clock);
        this.judgement = new Judgement(new BehaviourPolicy(settings.policies()), penaltyBox,
                Objects.requireNonNull(listener, "listener"));
        this.marketingRules = new MarketingRulesDetector(settings.callingHours());
        Detector[] before = previous == null ? new Detector[DETECTORS] : previous.detectors;
        this.detectors = new Detector[] {
            new RingOnceDetector(settings.ringOnce(), limits, before[0]),
            new CallBombingDetector(settings.bombing(), limits, before[1]),
            new GroupCallingDetector(settings.groupCalling(), limits, before[2]),
            new RateCapDetector(settings.rateCaps(), limits, clock, before[3]),
            marketingRules,
        };
        this.calls = CallTable.reuseOrNew(previous == null ? null : previous.calls, limits.maxTrackedCalls(),
                limits.maxCallDuration().toMillis(), this::forgotten);
    }

    /**
     * Judges a call before it is forwarded: counts it in every detector and returns the
     * strongest verdict of the rules and the penalty box. A call to an emergency number
     * (settings' never-block list) is always allowed and not counted.
     */
    public Verdict judge(CallAttempt call) {
        if (settings.neverBlockCallees().contains(call.callee())) {
            return Verdict.ALLOW;
        }
        TrackedCall tracked = new TrackedCall(call, NumberKey.of(call.caller()), NumberKey.of(call.callee()));
        PenaltyEntry boxed = penaltyBox.current(call.caller(), call.atMillis());
        if (boxed != null) {
            tracked.apply(boxed.verdict());
        }
        for (Detector detector : detectors) {
            detector.onAttempt(call, tracked, judgement);
        }
        Verdict verdict = tracked.verdict();
        if (!verdict.blocksCall()) {
            calls.put(tracked, call.atMillis());
            for (Detector detector : detectors) {
                detector.onAdmitted(tracked);
            }
        }
        return verdict;
    }

    /**
     * Feeds a later step of a forwarded call. Events of calls the guard did not forward, or has
     * forgotten, are ignored; each call is finished once, by the first final event.
     */
    public void on(CallEvent event) {
        String callId = event.call().callId();
        TrackedCall call = calls.get(callId, event.atMillis());
        if (call == null) {
            return;
        }
        long at = event.atMillis();
        switch (event.kind()) {
            case RINGING -> call.ringing(at);
            case ANSWERED -> {
                if (call.answered(at)) {
                    for (Detector detector : detectors) {
                        detector.onAnswered(call, at);
                    }
                }
            }
            case CANCELLED, FAILED, ENDED -> {
                if (call.finish()) {
                    calls.remove(callId);
                    for (Detector detector : detectors) {
                        detector.onFinished(call, event.kind(), at);
                    }
                }
            }
        }
    }

    /** The penalty box: {@code list()} and {@code lift(caller)} for operators. */
    public PenaltyBox penaltyBox() {
        return penaltyBox;
    }

    /** Swaps in reloaded do-not-call and consent lists; calls judged after this see both. */
    public void replaceLists(DoNotCallList doNotCall, ConsentList consent) {
        marketingRules.replaceLists(Objects.requireNonNull(doNotCall), Objects.requireNonNull(consent));
    }

    /**
     * Calls forwarded and not yet finished. Forgets the calls idle past the maximum call
     * duration first (releasing their concurrency), so it scans the table: for metrics, not the
     * call path.
     */
    public long trackedCalls() {
        return calls.sweep(clock.millis());
    }

    /** The settings this guard runs with. */
    public BehaviourSettings settings() {
        return settings;
    }

    private void forgotten(TrackedCall call) {
        for (Detector detector : detectors) {
            detector.onForgotten(call);
        }
    }
}
