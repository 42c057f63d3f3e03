package org.trunkguard.proxy;

import org.trunkguard.behaviour.BehaviourGuard;
import org.trunkguard.behaviour.CallAttempt;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.verdict.Verdict;

/**
 * Stage "behaviour → verdict": hands each call to number-auth's behaviour detectors (ring-once,
 * call-bombing, group calling, rate caps, calling hours, do-not-call) and feeds them the call's
 * life cycle. Runs after the caller-ID rules, so it sees the authenticated, normalised numbers.
 * A call whose numbers could not be normalised is not judged here: the caller-ID rules answer it.
 */
public final class BehaviourJudge implements CallJudge, CallEvent.Listener {
    private volatile BehaviourGuard guard;

    public BehaviourJudge(BehaviourGuard guard) {
        this.guard = guard;
    }

    @Override
    public Verdict judge(Trunk trunk, SipMessage invite, CallRecord call) {
        if (call.callerNumber().isEmpty() || call.calleeNumber().isEmpty()) {
            return Verdict.ALLOW;
        }
        CallAttempt attempt = new CallAttempt(call.callId(), call.attemptAt(), trunk.id(), trunk.enterpriseId(),
                call.callerNumber(), call.calleeNumber(), trunk.category(), trunk.contract());
        call.attach(attempt);
        return guard.judge(attempt);
    }

    /**
     * MESSAGE is the short-message channel beside the calls, and its spam has the calls' shapes
     * (one sender to many, many to one): it counts in the same volume detectors and caps as one
     * attempt that is over once forwarded, unanswered. Other requests are not judged here.
     */
    @Override
    public Verdict judgeRequest(Trunk trunk, SipMessage request, CallRecord record) {
        if (!org.trunkguard.sip.Methods.MESSAGE.equals(request.method())) {
            return Verdict.ALLOW;
        }
        Verdict verdict = judge(trunk, request, record);
        if (record.attachment() instanceof CallAttempt attempt) {
            guard.on(attempt.event(org.trunkguard.behaviour.CallEvent.Kind.FAILED, record.attemptAt()));
        }
        return verdict;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (!(event.call().attachment() instanceof CallAttempt attempt)) {
            return;
        }
        org.trunkguard.behaviour.CallEvent.Kind kind = switch (event.type()) {
            case RINGING -> org.trunkguard.behaviour.CallEvent.Kind.RINGING;
            case ANSWERED -> org.trunkguard.behaviour.CallEvent.Kind.ANSWERED;
            case CANCELLED -> org.trunkguard.behaviour.CallEvent.Kind.CANCELLED;
            case FAILED -> org.trunkguard.behaviour.CallEvent.Kind.FAILED;
            case ENDED -> org.trunkguard.behaviour.CallEvent.Kind.ENDED;
            case ATTEMPT -> null;
        };
        if (kind != null) {
            guard.on(attempt.event(kind, event.atMillis()));
        }
    }

    public BehaviourGuard guard() {
        return guard;
    }

    /**
     * Puts a guard built from new settings in force (reload), carrying the penalty box over. Build
     * {@code next} with the current guard as its predecessor
     * ({@link BehaviourGuard#BehaviourGuard(org.trunkguard.behaviour.BehaviourSettings, java.time.Clock,
     * org.trunkguard.behaviour.DetectionListener, BehaviourGuard)}) so its detectors continue the
     * counts and calls in progress.
     */
    public void replace(BehaviourGuard next) {
        next.penaltyBox().takeOver(guard.penaltyBox());
        guard = next;
    }
}
