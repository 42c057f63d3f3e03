package org.trunkguard.behaviour;


/**
 * Call-bombing (呼死你), two views of one victim: unanswered attempts at a callee from any
 * callers ({@value RuleIds#BOMBING_CALLEE}, subject the callee, so only calls to it suffer) and
 * repeated attempts of one caller at one callee over a short and a long window
 * ({@value RuleIds#BOMBING_PAIR}). An attempt that becomes a conversation is taken back out of
 * the windows: people who talk are not bombing each other.
 *
 * <p>The short rule ("more than 3 in 5 minutes") is a pace, not a bucket count: it counts the
 * run of redials that ends with this attempt, each within window / (warning + 1) of the one
 * before it (75 s by default) and all inside the exact window, from the times of the pair's
 * last {@code pair-short-critical + 1} attempts. Bombing software keeps that pace; a person
 * retrying an unanswered contact every few minutes fitted four tries into a bucketed
 * five-minute window about once per 10,000 legitimate calls without ever keeping it
 * (bench/RESULTS.md). The long rule ("more than 5 in 24 hours") counts tries, not attempts:
 * an attempt within the short window of the pair's previous one is a redial of the same try.
 * Counting every redial let a person who retried a contact twice, three times in a row reach
 * six in two hours (all 90 false positives of the simulator's run).
 */
final class CallBombingDetector implements Detector {

    /** Callee slot longs: the window head. */
    private static final int CALLEE_HEAD = 0;
    /** Pair slot longs: the long window's head, then the short window's attempt times. */
    private static final int PAIR_LONG_HEAD = 0;
    private static final int PAIR_TIMES = 1;

    private final BombingSettings settings;
    private final WindowShape calleeShape;
    private final WindowShape pairLongShape;
    private final long pairShortMillis;
    /** The pace of the short rule: its window over its warning count plus one (75 s by default). */
    private final long redialMillis;
    private final int pairTimes;
    private final long conversationMillis;
    private final SlotTable callees;
    private final SlotTable pairs;

    CallBombingDetector(BombingSettings settings, StateLimits limits) {
        this(settings, limits, null);
    }

    /**
     * Continues the counts of {@code previous} (null: none) where its windows are the same: a
     * reload that changes only thresholds keeps every window running.
     */
    CallBombingDetector(BombingSettings settings, StateLimits limits, Detector previous) {
        this.settings = settings;
        CallBombingDetector before = previous instanceof CallBombingDetector p ? p : null;
        this.calleeShape = WindowShape.of(1, settings.calleeWindow(), 10);
        this.pairLongShape = WindowShape.of(1, settings.pairLongWindow(), 24);
        this.pairShortMillis = settings.pairShortWindow().toMillis();
        this.redialMillis = pairShortMillis / (settings.pairShortWarning() + 1);
        this.pairTimes = settings.pairShortCritical() + 1;
        this.conversationMillis = settings.conversation().toMillis();
        this.callees = SlotTable.reuseOrNew(before == null ? null : before.callees, calleeShape, 1,
                calleeShape.buckets(), limits.maxCallees(), calleeShape.windowMillis());
        this.pairs = SlotTable.reuseOrNew(before == null ? null : before.pairs, pairLongShape, 1 + pairTimes,
                pairLongShape.buckets(), limits.maxPairs(), Math.max(pairLongShape.windowMillis(), pairShortMillis));
    }

    @Override
    public void onAttempt(CallAttempt call, TrackedCall tracked, Judgement judgement) {
        if (settings.exempt(call.callee())) {
            return;
        }
        long at = call.atMillis();
        int atCallee;
        SlotStripe callee = callees.stripe(tracked.calleeKey);
        synchronized (callee) {
            int slot = callee.claim(tracked.calleeKey, at);
            int base = callee.intBase(slot);
            int head = callee.longBase(slot) + CALLEE_HEAD;
            WindowCounts.add(calleeShape, callee.ints, base, callee.longs, head, 0, at, 1);
            atCallee = WindowCounts.sum(calleeShape, callee.ints, base, callee.longs, head, 0, at);
        }
        if (atCallee >= settings.calleeWarning()) {
            boolean critical = atCallee >= settings.calleeCritical();
            judgement.report(tracked, new Detection(RuleIds.BOMBING_CALLEE, critical ? Severity.CRITICAL : Severity.WARNING,
                    Subject.CALLEE, call.callee(), atCallee, critical ? settings.calleeCritical() : settings.calleeWarning(),
                    atCallee + " unanswered attempts at the callee in " + settings.calleeWindow().toSeconds() + " s"));
        }
        long pairKey = NumberKey.mix(tracked.callerKey, tracked.calleeKey);
        SlotStripe pair = pairs.stripe(pairKey);
        int inShort;
        int inLong;
        synchronized (pair) {
            int slot = pair.claim(pairKey, at);
            int longs = pair.longBase(slot);
            if (startsTry(pair.longs, longs + PAIR_TIMES, at)) {
                WindowCounts.add(pairLongShape, pair.ints, pair.intBase(slot), pair.longs, longs + PAIR_LONG_HEAD, 0, at, 1);
            }
            inLong = WindowCounts.sum(pairLongShape, pair.ints, pair.intBase(slot), pair.longs, longs + PAIR_LONG_HEAD, 0, at);
            inShort = recordAttempt(pair.longs, longs + PAIR_TIMES, at);
        }
        if (inShort > settings.pairShortWarning() || inLong > settings.pairLongWarning()) {
            reportPair(call, tracked, judgement, inShort, inLong);
        }
    }

    /**
     * Puts {@code at} in place of the oldest kept attempt time (0 marks a free place) and
     * returns the length of the run of redials it ends: attempts inside the short window, each
     * within {@link #redialMillis} of the one before it.
     */
    private int recordAttempt(long[] longs, int from, long at) {
        int oldest = from;
        for (int i = from + 1; i < from + pairTimes; i++) {
            if (longs[i] < longs[oldest]) {
                oldest = i;
            }
        }
        longs[oldest] = at;
        int run = 1;
        long current = at;
        while (run < pairTimes) {
            long previous = 0;
            for (int i = from; i < from + pairTimes; i++) {
                long t = longs[i];
                if (t < current && t > previous) {
                    previous = t;
                }
            }
            if (previous == 0 || current - previous > redialMillis || at - previous >= pairShortMillis) {
                break;
            }
            run++;
            current = previous;
        }
        return run;
    }

    private void reportPair(CallAttempt call, TrackedCall tracked, Judgement judgement, int inShort, int inLong) {
        boolean critical = inShort > settings.pairShortCritical() || inLong > settings.pairLongCritical();
        boolean shortFired = critical ? inShort > settings.pairShortCritical() : inShort > settings.pairShortWarning();
        int threshold = shortFired
                ? (critical ? settings.pairShortCritical() : settings.pairShortWarning())
                : (critical ? settings.pairLongCritical() : settings.pairLongWarning());
        judgement.report(tracked, new Detection(RuleIds.BOMBING_PAIR, critical ? Severity.CRITICAL : Severity.WARNING,
                Subject.PAIR, call.caller() + ">" + call.callee(), shortFired ? inShort : inLong, threshold,
                inShort + " unanswered attempts at one callee in a row, each within " + redialMillis / 1000
                        + " s of the last; " + inLong + " separate tries in " + settings.pairLongWindow().toSeconds()
                        + " s"));
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        long answeredAt = call.answeredAt();
        if (how != CallEvent.Kind.ENDED || answeredAt == 0 || atMillis - answeredAt < conversationMillis
                || settings.exempt(call.attempt.callee())) {
            return;
        }
        long attemptAt = call.attempt.atMillis();
        SlotStripe callee = callees.stripe(call.calleeKey);
        synchronized (callee) {
            int slot = callee.find(call.calleeKey, atMillis);
            if (slot >= 0) {
                WindowCounts.add(calleeShape, callee.ints, callee.intBase(slot), callee.longs,
                        callee.longBase(slot) + CALLEE_HEAD, 0, attemptAt, -1);
            }
        }
        long pairKey = NumberKey.mix(call.callerKey, call.calleeKey);
        SlotStripe pair = pairs.stripe(pairKey);
        synchronized (pair) {
            int slot = pair.find(pairKey, atMillis);
            if (slot >= 0) {
                int longs = pair.longBase(slot);
                if (startsTry(pair.longs, longs + PAIR_TIMES, attemptAt)) {
                    WindowCounts.add(pairLongShape, pair.ints, pair.intBase(slot), pair.longs, longs + PAIR_LONG_HEAD, 0,
                            attemptAt, -1);
                }
                takeBack(pair.longs, longs + PAIR_TIMES, attemptAt);
            }
        }
    }

    /**
     * True if an attempt at {@code at} starts a new try: no other kept attempt lies within the
     * short window before it. Redials inside one try are the short rule's business; the long
     * rule counts tries. Known at the attempt and recomputed for a take-back from the times
     * kept then, so a take-back may rarely miss or miscount by one.
     */
    private boolean startsTry(long[] longs, int from, long at) {
        for (int i = from; i < from + pairTimes; i++) {
            long t = longs[i];
            if (t != 0 && t < at && at - t < pairShortMillis) {
                return false;
            }
        }
        return true;
    }

    private void takeBack(long[] longs, int from, long attemptAt) {
        for (int i = from; i < from + pairTimes; i++) {
            if (longs[i] == attemptAt) {
                longs[i] = 0;
                return;
            }
        }
    }
}
