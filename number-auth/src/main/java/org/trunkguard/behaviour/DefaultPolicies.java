package org.trunkguard.behaviour;

import static org.trunkguard.behaviour.RulePolicy.markThenReject;
import static org.trunkguard.behaviour.RulePolicy.markThenThrottle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default action ladders. Why each: abuse that is one caller's deliberate pattern
 * (ring-once, group calling, sweeps) is rejected with 603 and the caller boxed for 30 min,
 * long enough to break a campaign and short enough that a misjudged number recovers by itself;
 * a protected callee's callers hear busy (486), which is what the victim's own phone would say;
 * caps throttle with 503 and a short Retry-After, since the caller is legitimate but too fast;
 * hours and do-not-call are regulatory refusals (603) that no penalty makes stronger.
 */
final class DefaultPolicies {

    private static final Duration CAMPAIGN_PENALTY = Duration.ofMinutes(30);

    private DefaultPolicies() {
    }

    static Map<String, RulePolicy> all() {
        Map<String, RulePolicy> policies = new LinkedHashMap<>();
        put(policies, markThenReject(RuleIds.RING_ONCE, CAMPAIGN_PENALTY, "ring-once calls (响一声)"));
        put(policies, markThenThrottle(RuleIds.BOMBING_CALLEE, 486, 0, "callee under call-bombing (呼死你)"));
        put(policies, markThenReject(RuleIds.BOMBING_PAIR, Duration.ZERO, "repeated calls to one callee"));
        put(policies, markThenReject(RuleIds.GROUP_CALLING, CAMPAIGN_PENALTY, "voice group calling (语音群呼)"));
        put(policies, markThenReject(RuleIds.GROUP_CALLING_SWEEP, CAMPAIGN_PENALTY, "sequential number sweep"));
        put(policies, markThenThrottle(RuleIds.RATE_TRUNK_CPS, 503, 1, "trunk above contracted call rate"));
        put(policies, markThenThrottle(RuleIds.RATE_TRUNK_CONCURRENT, 503, 5, "trunk above contracted concurrent calls"));
        put(policies, markThenThrottle(RuleIds.RATE_CALLER_CPS, 503, 1, "caller above call rate cap"));
        put(policies, markThenThrottle(RuleIds.RATE_CALLER_CONCURRENT, 486, 0, "caller above concurrent call cap"));
        put(policies, markThenReject(RuleIds.CALLING_HOURS, Duration.ZERO, "outside allowed calling hours"));
        put(policies, markThenReject(RuleIds.DO_NOT_CALL, Duration.ZERO, "callee refused such calls"));
        return policies;
    }

    private static void put(Map<String, RulePolicy> policies, RulePolicy policy) {
        policies.put(policy.ruleId(), policy);
    }
}
