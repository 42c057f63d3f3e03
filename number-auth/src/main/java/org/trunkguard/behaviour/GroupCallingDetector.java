package org.trunkguard.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.util.function.Function;

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
    private final Cache<String, CallerProfile> callers;
    private final Function<String, CallerProfile> newProfile;

    GroupCallingDetector(GroupCallingSettings settings, StateLimits limits, Clock clock) {
        this.settings = settings;
        this.shape = WindowShape.of(CallerProfile.CHANNELS, settings.window(), 5);
        this.shortCallMillis = settings.shortCall().toMillis();
        this.minAcdSeconds = settings.minAcd().toMillis() / 1000.0;
        this.callers = Caches.bounded(limits.maxCallers(), settings.window(), clock);
        this.newProfile = caller -> new CallerProfile(shape);
    }

    @Override
    public void onAttempt(CallAttempt call, Judgement judgement) {
        CallerProfile profile = callers.get(call.caller(), newProfile);
        long at = call.atMillis();
        int sweep;
        int distinct;
        int answered = 0;
        int unanswered = 0;
        int ended = 0;
        int veryShort = 0;
        int talkSeconds = 0;
        synchronized (profile) {
            sweep = profile.attempt(shape, NumberKey.of(call.callee()), at, settings.sweepMaxStep());
            distinct = profile.counts.sum(shape, CallerProfile.NEW_CALLEES, at);
            if (distinct >= settings.distinctWarning()) {
                answered = profile.counts.sum(shape, CallerProfile.ANSWERED, at);
                unanswered = profile.counts.sum(shape, CallerProfile.UNANSWERED, at);
                ended = profile.counts.sum(shape, CallerProfile.ENDED, at);
                veryShort = profile.counts.sum(shape, CallerProfile.VERY_SHORT, at);
                talkSeconds = profile.counts.sum(shape, CallerProfile.TALK_SECONDS, at);
            }
        }
        if (sweep >= settings.sweepWarning()) {
            boolean critical = sweep >= settings.sweepCritical();
            judgement.report(new Detection(RuleIds.GROUP_CALLING_SWEEP, critical ? Severity.CRITICAL : Severity.WARNING,
                    Subject.CALLER, call.caller(), sweep, critical ? settings.sweepCritical() : settings.sweepWarning(),
                    sweep + " neighbouring callees in a row, last " + call.callee()));
        }
        if (distinct >= settings.distinctWarning() && answered + unanswered >= settings.minProfileCalls()) {
            judgeProfile(call, judgement, distinct, answered, unanswered, ended, veryShort, talkSeconds);
        }
    }

    private void judgeProfile(CallAttempt call, Judgement judgement, int distinct, int answered, int unanswered,
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
        judgement.report(new Detection(RuleIds.GROUP_CALLING, critical ? Severity.CRITICAL : Severity.WARNING,
                Subject.CALLER, call.caller(), distinct, critical ? settings.distinctCritical() : settings.distinctWarning(),
                distinct + " distinct callees in " + settings.window().toSeconds() + " s; ASR "
                        + Math.round(asr * 100) + " %, ACD " + (ended == 0 ? "n/a" : Math.round(acd) + " s")
                        + ", very short " + Math.round(shortShare * 100) + " %"));
    }

    @Override
    public void onAnswered(TrackedCall call, long atMillis) {
        CallerProfile profile = callers.get(call.attempt.caller(), newProfile);
        synchronized (profile) {
            profile.counts.add(shape, CallerProfile.ANSWERED, atMillis, 1);
        }
    }

    @Override
    public void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
        CallerProfile profile = callers.get(call.attempt.caller(), newProfile);
        long answeredAt = call.answeredAt();
        synchronized (profile) {
            if (answeredAt == 0) {
                profile.counts.add(shape, CallerProfile.UNANSWERED, atMillis, 1);
                return;
            }
            long talkMillis = Math.max(0, atMillis - answeredAt);
            profile.counts.add(shape, CallerProfile.ENDED, atMillis, 1);
            profile.counts.add(shape, CallerProfile.TALK_SECONDS, atMillis, (int) Math.min(Integer.MAX_VALUE, talkMillis / 1000));
            if (talkMillis < shortCallMillis) {
                profile.counts.add(shape, CallerProfile.VERY_SHORT, atMillis, 1);
            }
        }
    }
}
