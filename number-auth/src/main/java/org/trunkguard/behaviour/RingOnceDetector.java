package org.trunkguard.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.util.function.Function;

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

    private final RingOnceSettings settings;
    private final WindowShape shape;
    private final long maxRingMillis;
    private final Cache<String, WindowCounts> callers;
    private final Function<String, WindowCounts> newCounts;

    RingOnceDetector(RingOnceSettings settings, StateLimits limits, Clock clock) {
        this.settings = settings;
        this.shape = WindowShape.of(2, settings.window(), 10);
        this.maxRingMillis = settings.maxRing().toMillis();
        this.callers = Caches.bounded(limits.maxCallers(), settings.window(), clock);
        this.newCounts = caller -> new WindowCounts(shape);
    }

    @Override
    public void onAttempt(CallAttempt call, Judgement judgement) {
        WindowCounts counts = callers.getIfPresent(call.caller());
        if (counts == null) {
            return;
        }
        int rangOnce;
        int finished;
        synchronized (counts) {
            rangOnce = counts.sum(shape, RANG_ONCE, call.atMillis());
            if (rangOnce < settings.warningCount()) {
                return;
            }
            finished = counts.sum(shape, FINISHED, call.atMillis());
        }
        double share = finished == 0 ? 0 : (double) rangOnce / finished;
        if (share < settings.minShare()) {
            return;
        }
        boolean critical = rangOnce >= settings.criticalCount();
        judgement.report(new Detection(RULE_ID, critical ? Severity.CRITICAL : Severity.WARNING, Subject.CALLER,
                call.caller(), rangOnce, critical ? settings.criticalCount() : settings.warningCount(),
                rangOnce + " of " + finished + " finished calls in " + settings.window().toSeconds()
                        + " s cancelled within " + settings.maxRing().toSeconds() + " s of ringing ("
                        + Math.round(share * 100) + " %)"));
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        WindowCounts counts = callers.get(call.attempt.caller(), newCounts);
        long ringingAt = call.ringingAt();
        boolean rangOnce = how == CallEvent.Kind.CANCELLED && ringingAt != 0 && call.answeredAt() == 0
                && atMillis - ringingAt <= maxRingMillis;
        synchronized (counts) {
            counts.add(shape, FINISHED, atMillis, 1);
            if (rangOnce) {
                counts.add(shape, RANG_ONCE, atMillis, 1);
            }
        }
    }
}
