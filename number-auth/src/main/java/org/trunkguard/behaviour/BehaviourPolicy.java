package org.trunkguard.behaviour;

import java.util.HashMap;
import java.util.Map;
import org.trunkguard.verdict.Verdict;

/**
 * Turns detections into verdicts by each rule's action ladder. Verdicts are built once per
 * rule and severity, so deciding allocates nothing.
 */
final class BehaviourPolicy {

    private final Map<String, Verdict[]> verdicts = new HashMap<>();
    private final Map<String, Long> penaltyMillis = new HashMap<>();

    BehaviourPolicy(Map<String, RulePolicy> policies) {
        for (RulePolicy policy : policies.values()) {
            verdicts.put(policy.ruleId(), new Verdict[] {
                policy.verdictFor(Severity.WARNING), policy.verdictFor(Severity.CRITICAL)});
            penaltyMillis.put(policy.ruleId(), policy.penalty().toMillis());
        }
    }

    Verdict verdictFor(Detection detection) {
        Verdict[] ladder = verdicts.get(detection.ruleId());
        if (ladder == null) {
            throw new IllegalStateException("no policy for rule " + detection.ruleId());
        }
        return ladder[detection.severity().ordinal()];
    }

    /** How long a caller found critical by {@code ruleId} stays boxed; 0 for not at all. */
    long penaltyMillis(String ruleId) {
        return penaltyMillis.getOrDefault(ruleId, 0L);
    }
}
