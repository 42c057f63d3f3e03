package org.trunkguard.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.util.function.Function;

/**
 * Call-bombing (呼死你), two views of one victim: unanswered attempts at a callee from any
 * callers ({@value RuleIds#BOMBING_CALLEE}, subject the callee, so only calls to it suffer) and
 * repeated attempts of one caller at one callee over a short and a long window
 * ({@value RuleIds#BOMBING_PAIR}). An attempt that becomes a conversation is taken back out of
 * the windows: people who talk are not bombing each other.
 */
final class CallBombingDetector implements Detector {

    /** A pair's short and long window; the short one in channel 0 of its own shape. */
    private static final class PairCounts {
        final WindowCounts shortWindow;
        final WindowCounts longWindow;

        PairCounts(WindowShape shortShape, WindowShape longShape) {
            shortWindow = new WindowCounts(shortShape);
            longWindow = new WindowCounts(longShape);
        }
    }

    private final BombingSettings settings;
    private final WindowShape calleeShape;
    private final WindowShape pairShortShape;
    private final WindowShape pairLongShape;
    private final long conversationMillis;
    private final Cache<String, WindowCounts> callees;
    private final Cache<Long, PairCounts> pairs;
    private final Function<String, WindowCounts> newCalleeCounts;
    private final Function<Long, PairCounts> newPairCounts;

    CallBombingDetector(BombingSettings settings, StateLimits limits, Clock clock) {
        this.settings = settings;
        this.calleeShape = WindowShape.of(1, settings.calleeWindow(), 10);
        this.pairShortShape = WindowShape.of(1, settings.pairShortWindow(), 5);
        this.pairLongShape = WindowShape.of(1, settings.pairLongWindow(), 24);
        this.conversationMillis = settings.conversation().toMillis();
        this.callees = Caches.bounded(limits.maxCallees(), settings.calleeWindow(), clock);
        this.pairs = Caches.bounded(limits.maxPairs(), settings.pairLongWindow(), clock);
        this.newCalleeCounts = callee -> new WindowCounts(calleeShape);
        this.newPairCounts = pair -> new PairCounts(pairShortShape, pairLongShape);
    }

    @Override
    public void onAttempt(CallAttempt call, Judgement judgement) {
        if (settings.exempt(call.callee())) {
            return;
        }
        long at = call.atMillis();
        WindowCounts callee = callees.get(call.callee(), newCalleeCounts);
        int atCallee;
        synchronized (callee) {
            callee.add(calleeShape, 0, at, 1);
            atCallee = callee.sum(calleeShape, 0, at);
        }
        if (atCallee >= settings.calleeWarning()) {
            boolean critical = atCallee >= settings.calleeCritical();
            judgement.report(new Detection(RuleIds.BOMBING_CALLEE, critical ? Severity.CRITICAL : Severity.WARNING,
                    Subject.CALLEE, call.callee(), atCallee, critical ? settings.calleeCritical() : settings.calleeWarning(),
                    atCallee + " unanswered attempts at the callee in " + settings.calleeWindow().toSeconds() + " s"));
        }
        PairCounts pair = pairs.get(pairKey(call), newPairCounts);
        int inShort;
        int inLong;
        synchronized (pair) {
            pair.shortWindow.add(pairShortShape, 0, at, 1);
            pair.longWindow.add(pairLongShape, 0, at, 1);
            inShort = pair.shortWindow.sum(pairShortShape, 0, at);
            inLong = pair.longWindow.sum(pairLongShape, 0, at);
        }
        if (inShort > settings.pairShortWarning() || inLong > settings.pairLongWarning()) {
            reportPair(call, judgement, inShort, inLong);
        }
    }

    private void reportPair(CallAttempt call, Judgement judgement, int inShort, int inLong) {
        boolean critical = inShort > settings.pairShortCritical() || inLong > settings.pairLongCritical();
        boolean shortFired = critical ? inShort > settings.pairShortCritical() : inShort > settings.pairShortWarning();
        int threshold = shortFired
                ? (critical ? settings.pairShortCritical() : settings.pairShortWarning())
                : (critical ? settings.pairLongCritical() : settings.pairLongWarning());
        judgement.report(new Detection(RuleIds.BOMBING_PAIR, critical ? Severity.CRITICAL : Severity.WARNING,
                Subject.PAIR, call.caller() + ">" + call.callee(), shortFired ? inShort : inLong, threshold,
                inShort + " unanswered attempts at one callee in " + settings.pairShortWindow().toSeconds() + " s, "
                        + inLong + " in " + settings.pairLongWindow().toSeconds() + " s"));
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        CallAttempt attempt = call.attempt;
        long answeredAt = call.answeredAt();
        if (how != CallEvent.Kind.ENDED || answeredAt == 0 || atMillis - answeredAt < conversationMillis
                || settings.exempt(attempt.callee())) {
            return;
        }
        WindowCounts callee = callees.getIfPresent(attempt.callee());
        if (callee != null) {
            synchronized (callee) {
                callee.add(calleeShape, 0, attempt.atMillis(), -1);
            }
        }
        PairCounts pair = pairs.getIfPresent(pairKey(attempt));
        if (pair != null) {
            synchronized (pair) {
                pair.shortWindow.add(pairShortShape, 0, attempt.atMillis(), -1);
                pair.longWindow.add(pairLongShape, 0, attempt.atMillis(), -1);
            }
        }
    }

    private static Long pairKey(CallAttempt call) {
        return NumberKey.mix(NumberKey.of(call.caller()), NumberKey.of(call.callee()));
    }
}
