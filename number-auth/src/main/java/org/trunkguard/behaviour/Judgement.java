package org.trunkguard.behaviour;

import org.trunkguard.verdict.Verdict;

/**
 * The verdict of one call under construction: detectors report into it, it asks the policy
 * for each detection's verdict, keeps the strongest, tells the listener and boxes callers
 * found critical by rules that carry a penalty.
 */
final class Judgement {

    private final BehaviourPolicy policy;
    private final PenaltyBox penaltyBox;
    private final DetectionListener listener;
    private final long atMillis;
    /** The caller's and callee's {@link NumberKey}s, computed once for every detector. */
    final long callerKey;
    final long calleeKey;
    private Verdict verdict = Verdict.ALLOW;

    Judgement(BehaviourPolicy policy, PenaltyBox penaltyBox, DetectionListener listener, CallAttempt call) {
        this.policy = policy;
        this.penaltyBox = penaltyBox;
        this.listener = listener;
        this.atMillis = call.atMillis();
        this.callerKey = NumberKey.of(call.caller());
        this.calleeKey = NumberKey.of(call.callee());
    }

    /** Applies a verdict that comes from elsewhere (the penalty box). */
    void apply(Verdict other) {
        if (other.action().ordinal() > verdict.action().ordinal()) {
            verdict = other;
        }
    }

    void report(Detection detection) {
        Verdict forDetection = policy.verdictFor(detection);
        listener.onDetection(detection, forDetection);
        if (detection.severity() == Severity.CRITICAL && detection.subject() == Subject.CALLER) {
            long penalty = policy.penaltyMillis(detection.ruleId());
            if (penalty > 0 && forDetection.blocksCall()) {
                penaltyBox.put(new PenaltyEntry(detection.key(), detection.ruleId(), forDetection, atMillis,
                        atMillis + penalty, detection.evidence()));
            }
        }
        apply(forDetection);
    }

    Verdict verdict() {
        return verdict;
    }
}
