package org.trunkguard.behaviour;

/**
 * Ring-once (响一声): per caller, how many of its finished calls in the window were cancelled
 * by the caller within a few seconds of the first ring and never answered. Fires on the
 * caller's next attempt, when both the count and its share of finished calls pass the
 * thresholds: a busy line that completes most calls is not a baiter.
 */
final class RingOnceDetector implements Detector {

    static final String RULE_ID = RuleIds.RING_ONCE;
    private static final int FINISHED = 0;
    private static final int RANG_ONCE = 1;

    /** Slot longs: the window's head. */
    private static final int HEAD = 0;

    private final RingOnceSettings settings;
    private final WindowShape shape;
    private final long maxRingMillis;
    private final SlotTable callers;

    RingOnceDetector(RingOnceSettings settings, StateLimits limits) {
        this(settings, limits, null);
    }

    /**
     * Continues the counts of {@code previous} (null: none) where its windows are the same: a
     * reload that changes only thresholds keeps every window running.
     */
    RingOnceDetector(RingOnceSettings settings, StateLimits limits, Detector previous) {
        this.settings = settings;
        this.shape = WindowShape.of(2, settings.window(), 10);
        this.maxRingMillis = settings.maxRing().toMillis();
        this.callers = SlotTable.reuseOrNew(previous instanceof RingOnceDetector p ? p.callers : null, shape, 1,
                2 * shape.buckets(), limits.maxCallers(), shape.windowMillis());
    }

    @Override
    public void onAttempt(CallAttempt call, TrackedCall tracked, Judgement judgement) {
        long at = call.atMillis();
        SlotStripe stripe = callers.stripe(tracked.callerKey);
        int rangOnce;
        int finished;
        synchronized (stripe) {
            int slot = stripe.find(tracked.callerKey, at);
            if (slot < 0) {
                return;
            }
            int base = stripe.intBase(slot);
            int head = stripe.longBase(slot) + HEAD;
            rangOnce = WindowCounts.sum(shape, stripe.ints, base, stripe.longs, head, RANG_ONCE, at);
            if (rangOnce < settings.warningCount()) {
                return;
            }
            finished = WindowCounts.sum(shape, stripe.ints, base, stripe.longs, head, FINISHED, at);
        }
        double share = finished == 0 ? 0 : (double) rangOnce / finished;
        if (share < settings.minShare()) {
            return;
        }
        boolean critical = rangOnce >= settings.criticalCount();
        judgement.report(tracked, new Detection(RULE_ID, critical ? Severity.CRITICAL : Severity.WARNING, Subject.CALLER,
                call.caller(), rangOnce, critical ? settings.criticalCount() : settings.warningCount(),
                rangOnce + " of " + finished + " finished calls in " + settings.window().toSeconds()
                        + " s cancelled within " + settings.maxRing().toSeconds() + " s of ringing ("
                        + Math.round(share * 100) + " %)"));
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        long ringingAt = call.ringingAt();
        boolean rangOnce = how == CallEvent.Kind.CANCELLED && ringingAt != 0 && call.answeredAt() == 0
                && atMillis - ringingAt <= maxRingMillis;
        SlotStripe stripe = callers.stripe(call.callerKey);
        synchronized (stripe) {
            int slot = stripe.claim(call.callerKey, atMillis);
            int base = stripe.intBase(slot);
            int head = stripe.longBase(slot) + HEAD;
            WindowCounts.add(shape, stripe.ints, base, stripe.longs, head, FINISHED, atMillis, 1);
            if (rangOnce) {
                WindowCounts.add(shape, stripe.ints, base, stripe.longs, head, RANG_ONCE, atMillis, 1);
            }
        }
    }
}
