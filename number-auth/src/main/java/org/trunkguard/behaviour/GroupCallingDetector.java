package org.trunkguard.behaviour;


/**
 * Group calling (语音群呼), per caller: a sweep of neighbouring callee numbers
 * ({@value RuleIds#GROUP_CALLING_SWEEP}) is evidence by itself; many distinct callees
 * ({@value RuleIds#GROUP_CALLING}) fire only with a robodialer's traffic profile (low ASR,
 * short ACD or many very short calls). A call centre reaching its customers talks to them,
 * which is exactly what a dialer reading a recording to random numbers does not.
 */
final class GroupCallingDetector implements Detector {

    private final GroupCallingSettings settings;
    private final WindowShape shape;
    private final long shortCallMillis;
    private final double minAcdSeconds;
    private final SlotTable callers;

    GroupCallingDetector(GroupCallingSettings settings, StateLimits limits) {
        this(settings, limits, null);
    }

    /**
     * Continues the counts of {@code previous} (null: none) where its windows are the same: a
     * reload that changes only thresholds keeps every window running.
     */
    GroupCallingDetector(GroupCallingSettings settings, StateLimits limits, Detector previous) {
        this.settings = settings;
        this.shape = WindowShape.of(CallerProfile.CHANNELS, settings.window(), 5);
        this.shortCallMillis = settings.shortCall().toMillis();
        this.minAcdSeconds = settings.minAcd().toMillis() / 1000.0;
        this.callers = SlotTable.reuseOrNew(previous instanceof GroupCallingDetector p ? p.callers : null, shape,
                CallerProfile.LONGS, CallerProfile.ints(shape), limits.maxCallers(), shape.windowMillis());
    }

    @Override
    public void onAttempt(CallAttempt call, TrackedCall tracked, Judgement judgement) {
        long at = call.atMillis();
        int sweep;
        int distinct;
        int answered = 0;
        int unanswered = 0;
        int ended = 0;
        int veryShort = 0;
        int talkSeconds = 0;
        SlotStripe stripe = callers.stripe(tracked.callerKey);
        synchronized (stripe) {
            int slot = stripe.claim(tracked.callerKey, at);
            long[] longs = stripe.longs;
            int[] ints = stripe.ints;
            int longBase = stripe.longBase(slot);
            int intBase = stripe.intBase(slot);
            int head = longBase + CallerProfile.HEAD;
            sweep = CallerProfile.attempt(shape, longs, longBase, ints, intBase, tracked.calleeKey, at,
                    settings.sweepMaxStep());
            distinct = WindowCounts.sum(shape, ints, intBase, longs, head, CallerProfile.NEW_CALLEES, at);
            if (distinct >= settings.distinctWarning()) {
                answered = WindowCounts.sum(shape, ints, intBase, longs, head, CallerProfile.ANSWERED, at);
                unanswered = WindowCounts.sum(shape, ints, intBase, longs, head, CallerProfile.UNANSWERED, at);
                ended = WindowCounts.sum(shape, ints, intBase, longs, head, CallerProfile.ENDED, at);
                veryShort = WindowCounts.sum(shape, ints, intBase, longs, head, CallerProfile.VERY_SHORT, at);
                talkSeconds = WindowCounts.sum(shape, ints, intBase, longs, head, CallerProfile.TALK_SECONDS, at);
            }
        }
        if (sweep >= settings.sweepWarning()) {
            boolean critical = sweep >= settings.sweepCritical();
            judgement.report(tracked, new Detection(RuleIds.GROUP_CALLING_SWEEP, critical ? Severity.CRITICAL : Severity.WARNING,
                    Subject.CALLER, call.caller(), sweep, critical ? settings.sweepCritical() : settings.sweepWarning(),
                    sweep + " neighbouring callees in a row, last " + call.callee()));
        }
        if (distinct >= settings.distinctWarning() && answered + unanswered >= settings.minProfileCalls()) {
            judgeProfile(call, tracked, judgement, distinct, answered, unanswered, ended, veryShort, talkSeconds);
        }
    }

    private void judgeProfile(CallAttempt call, TrackedCall tracked, Judgement judgement, int distinct, int answered, int unanswered,
            int ended, int veryShort, int talkSeconds) {
        double asr = (double) answered / (answered + unanswered);
        double shortShare = ended == 0 ? 0 : (double) veryShort / ended;
        double acd = ended == 0 ? Double.NaN : (double) talkSeconds / ended;
        boolean badProfile = asr < settings.minAsr() || shortShare > settings.maxShortShare()
                || (ended > 0 && acd < minAcdSeconds);
        if (!badProfile) {
            return;
        }
        boolean critical = distinct >= settings.distinctCritical();
        judgement.report(tracked, new Detection(RuleIds.GROUP_CALLING, critical ? Severity.CRITICAL : Severity.WARNING,
                Subject.CALLER, call.caller(), distinct, critical ? settings.distinctCritical() : settings.distinctWarning(),
                distinct + " distinct callees in " + settings.window().toSeconds() + " s; ASR "
                        + Math.round(asr * 100) + " %, ACD " + (ended == 0 ? "n/a" : Math.round(acd) + " s")
                        + ", very short " + Math.round(shortShare * 100) + " %"));
    }

    @Override
    public void onAnswered(TrackedCall call, long atMillis) {
        SlotStripe stripe = callers.stripe(call.callerKey);
        synchronized (stripe) {
            int slot = stripe.claim(call.callerKey, atMillis);
            WindowCounts.add(shape, stripe.ints, stripe.intBase(slot), stripe.longs,
                    stripe.longBase(slot) + CallerProfile.HEAD, CallerProfile.ANSWERED, atMillis, 1);
        }
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        long answeredAt = call.answeredAt();
        SlotStripe stripe = callers.stripe(call.callerKey);
        synchronized (stripe) {
            int slot = stripe.claim(call.callerKey, atMillis);
            int[] ints = stripe.ints;
            int intBase = stripe.intBase(slot);
            int head = stripe.longBase(slot) + CallerProfile.HEAD;
            if (answeredAt == 0) {
                WindowCounts.add(shape, ints, intBase, stripe.longs, head, CallerProfile.UNANSWERED, atMillis, 1);
                return;
            }
            long talkMillis = Math.max(0, atMillis - answeredAt);
            WindowCounts.add(shape, ints, intBase, stripe.longs, head, CallerProfile.ENDED, atMillis, 1);
            WindowCounts.add(shape, ints, intBase, stripe.longs, head, CallerProfile.TALK_SECONDS, atMillis,
                    (int) Math.min(Integer.MAX_VALUE, talkMillis / 1000));
            if (talkMillis < shortCallMillis) {
                WindowCounts.add(shape, ints, intBase, stripe.longs, head, CallerProfile.VERY_SHORT, atMillis, 1);
            }
        }
    }
}
