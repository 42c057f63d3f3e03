package org.trunkguard.behaviour;

import org.trunkguard.verdict.Verdict;

/**
 * How detections become the verdict of a call: detectors report into it, it asks the policy
 * for each detection's verdict, keeps the strongest on the call, tells the listener and boxes
 * callers found critical by rules that carry a penalty. One per guard and stateless: the
 * verdict under construction lives on the {@link TrackedCall}, so judging a call allocates
 * one object, the call's own record.
 */
final class Judgement {

    private final BehaviourPolicy policy;
    private final PenaltyBox penaltyBox;
    private final DetectionListener listener;

    Judgement(BehaviourPolicy policy, PenaltyBox penaltyBox, DetectionListener listener) {
        this.policy = policy;
        this.penaltyBox = penaltyBox;
        this.listener = listener;
    }

    void report(TrackedCall call, Detection detection) {
        Verdict forDetection = policy.verdictFor(detection);
        listener.onDetection(detection, forDetection);
        if (detection.severity() == Severity.CRITICAL && detection.subject() == Subject.CALLER) {
            long penalty = policy.penaltyMillis(detection.ruleId());
            long atMillis = call.attempt.atMillis();
            if (penalty > 0 && forDetection.blocksCall()) {
                penaltyBox.put(new PenaltyEntry(detection.key(), detection.ruleId(), forDetection, atMillis,
                        atMillis + penalty, detection.evidence()));
            }
        }
        call.apply(forDetection);
    }
}
