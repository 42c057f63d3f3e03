package org.trunkguard.auth;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the caller-ID data lives and what each rule does. Validated on construction; rules not
 * named in {@code ruleActions} keep their {@link CallerIdRules#DEFAULT_ACTIONS default}.
 *
 * @param numberPlanFile        {@code numberplan.yaml}
 * @param segmentsFile          {@code segments.csv}
 * @param segmentStoreDirectory where the Chronicle Map store files are kept (a local disk)
 * @param roamingExemptFile     numbers that may appear on an international trunk (roaming)
 * @param blocklistFile         callers always refused
 * @param allowlistFile         callers never refused by a caller-ID rule
 * @param ruleActions           rule id to action, for any subset of the configurable rules
 */
public record CallerIdSettings(Path numberPlanFile, Path segmentsFile, Path segmentStoreDirectory,
        Path roamingExemptFile, Path blocklistFile, Path allowlistFile, Map<String, RuleAction> ruleActions) {

    public CallerIdSettings {
        Objects.requireNonNull(numberPlanFile, "numberPlanFile");
        Objects.requireNonNull(segmentsFile, "segmentsFile");
        Objects.requireNonNull(segmentStoreDirectory, "segmentStoreDirectory");
        Objects.requireNonNull(roamingExemptFile, "roamingExemptFile");
        Objects.requireNonNull(blocklistFile, "blocklistFile");
        Objects.requireNonNull(allowlistFile, "allowlistFile");
        Map<String, RuleAction> complete = new LinkedHashMap<>(CallerIdRules.DEFAULT_ACTIONS);
        for (Map.Entry<String, RuleAction> configured : ruleActions.entrySet()) {
            if (!complete.containsKey(configured.getKey())) {
                throw new IllegalArgumentException("unknown caller-ID rule '" + configured.getKey()
                        + "'; configurable rules are " + CallerIdRules.DEFAULT_ACTIONS.keySet());
            }
            complete.put(configured.getKey(), Objects.requireNonNull(configured.getValue(), configured.getKey()));
        }
        ruleActions = Map.copyOf(complete);
    }

    /** The reference layout: files in {@code confDirectory}, default actions. */
    public static CallerIdSettings defaults(Path confDirectory, Path storeDirectory) {
        return new CallerIdSettings(confDirectory.resolve("numberplan.yaml"), confDirectory.resolve("segments.csv"),
                storeDirectory, confDirectory.resolve("roaming-exempt.txt"),
                confDirectory.resolve("caller-blocklist.txt"), confDirectory.resolve("caller-allowlist.txt"), Map.of());
    }

    public RuleAction action(String ruleId) {
        RuleAction action = ruleActions.get(ruleId);
        if (action == null) {
            throw new IllegalArgumentException("unknown caller-ID rule '" + ruleId + "'");
        }
        return action;
    }

    public CallerIdSettings withAction(String ruleId, RuleAction action) {
        Map<String, RuleAction> changed = new LinkedHashMap<>(ruleActions);
        if (!changed.containsKey(ruleId)) {
            throw new IllegalArgumentException("unknown caller-ID rule '" + ruleId + "'");
        }
        changed.put(ruleId, action);
        return new CallerIdSettings(numberPlanFile, segmentsFile, segmentStoreDirectory, roamingExemptFile,
                blocklistFile, allowlistFile, changed);
    }
}
