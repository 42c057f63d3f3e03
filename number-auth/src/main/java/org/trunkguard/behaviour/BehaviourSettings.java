package org.trunkguard.behaviour;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the behaviour guard is configured with. Each part documents its defaults and why;
 * {@link #DEFAULTS} is what the guard runs with unless told otherwise. Settings are immutable:
 * a reload builds a new guard-side object, never half-applies one.
 *
 * @param ringOnce      ring-once thresholds
 * @param bombing       call-bombing thresholds
 * @param groupCalling  group-calling thresholds
 * @param rateCaps      trunk and caller caps
 * @param callingHours  allowed hours per enterprise category; categories not listed have no
 *                      hour limit. Default: "marketing" → {@link CallingHours#marketingDefault()}
 * @param neverBlockCallees callees whose calls are never judged: emergency numbers (110, 112,
 *                      119, 120, 122). Default those five; the law requires them to connect.
 * @param limits        state bounds
 * @param policies      the action ladder of every rule id in {@link RuleIds#ALL}
 */
public record BehaviourSettings(
        RingOnceSettings ringOnce, BombingSettings bombing, GroupCallingSettings groupCalling, RateCapSettings rateCaps,
        Map<String, CallingHours> callingHours, Set<String> neverBlockCallees, StateLimits limits,
        Map<String, RulePolicy> policies) {

    /** The documented defaults. */
    public static final BehaviourSettings DEFAULTS = new BehaviourSettings(RingOnceSettings.DEFAULTS,
            BombingSettings.DEFAULTS, GroupCallingSettings.DEFAULTS, RateCapSettings.DEFAULTS,
            Map.of("marketing", CallingHours.marketingDefault()), Set.of("110", "112", "119", "120", "122"),
            StateLimits.DEFAULTS, DefaultPolicies.all());

    public BehaviourSettings {
        Objects.requireNonNull(ringOnce, "ring-once");
        Objects.requireNonNull(bombing, "bombing");
        Objects.requireNonNull(groupCalling, "group-calling");
        Objects.requireNonNull(rateCaps, "rate");
        Objects.requireNonNull(limits, "state");
        callingHours = Map.copyOf(callingHours);
        neverBlockCallees = Set.copyOf(neverBlockCallees);
        policies = Map.copyOf(policies);
        for (String ruleId : RuleIds.ALL) {
            if (!policies.containsKey(ruleId)) {
                throw new IllegalArgumentException("no policy for rule " + ruleId);
            }
        }
        for (Map.Entry<String, RulePolicy> entry : policies.entrySet()) {
            if (!RuleIds.ALL.contains(entry.getKey()) || !entry.getKey().equals(entry.getValue().ruleId())) {
                throw new IllegalArgumentException("unknown rule id in policies: " + entry.getKey());
            }
        }
    }

    public BehaviourSettings withRingOnce(RingOnceSettings value) {
        return new BehaviourSettings(value, bombing, groupCalling, rateCaps, callingHours, neverBlockCallees, limits, policies);
    }

    public BehaviourSettings withBombing(BombingSettings value) {
        return new BehaviourSettings(ringOnce, value, groupCalling, rateCaps, callingHours, neverBlockCallees, limits, policies);
    }

    public BehaviourSettings withGroupCalling(GroupCallingSettings value) {
        return new BehaviourSettings(ringOnce, bombing, value, rateCaps, callingHours, neverBlockCallees, limits, policies);
    }

    public BehaviourSettings withRateCaps(RateCapSettings value) {
        return new BehaviourSettings(ringOnce, bombing, groupCalling, value, callingHours, neverBlockCallees, limits, policies);
    }

    public BehaviourSettings withCallingHours(Map<String, CallingHours> value) {
        return new BehaviourSettings(ringOnce, bombing, groupCalling, rateCaps, value, neverBlockCallees, limits, policies);
    }

    public BehaviourSettings withLimits(StateLimits value) {
        return new BehaviourSettings(ringOnce, bombing, groupCalling, rateCaps, callingHours, neverBlockCallees, value, policies);
    }

    /** These settings with {@code policy} replacing the ladder of its rule. */
    public BehaviourSettings withPolicy(RulePolicy policy) {
        Map<String, RulePolicy> copy = new HashMap<>(policies);
        copy.put(policy.ruleId(), policy);
        return new BehaviourSettings(ringOnce, bombing, groupCalling, rateCaps, callingHours, neverBlockCallees, limits, copy);
    }
}
