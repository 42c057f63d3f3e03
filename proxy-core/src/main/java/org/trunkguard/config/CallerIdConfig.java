package org.trunkguard.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trunkguard.auth.CallerIdRules;
import org.trunkguard.auth.CallerIdSettings;
import org.trunkguard.auth.RuleAction;

/** The caller-id section: data files (relative to the config file's folder) and rule actions. */
final class CallerIdConfig {
    private static final Set<String> KEYS = Set.of("number-plan", "segments", "segment-store", "roaming-exempt",
            "blocklist", "allowlist", "rules");

    private CallerIdConfig() {
    }

    static CallerIdSettings read(ConfigNode root, Path configFile) throws ConfigException {
        Path dir = configFile.toAbsolutePath().getParent();
        ConfigNode node = root.child("caller-id");
        if (node == null) {
            return CallerIdSettings.defaults(dir, dir.resolve("../var/segment-store").normalize());
        }
        node.allowOnly(KEYS);
        Map<String, RuleAction> actions = new LinkedHashMap<>();
        ConfigNode rules = node.child("rules");
        if (rules != null) {
            rules.allowOnly(CallerIdRules.DEFAULT_ACTIONS.keySet());
            for (String rule : CallerIdRules.DEFAULT_ACTIONS.keySet()) {
                ConfigNode action = rules.child(rule);
                if (action != null) {
                    try {
                        actions.put(rule, RuleAction.parse(action.scalar()));
                    } catch (IllegalArgumentException e) {
                        throw action.error(e.getMessage());
                    }
                }
            }
        }
        return new CallerIdSettings(path(node, dir, "number-plan", "numberplan.yaml"),
                path(node, dir, "segments", "segments.csv"), path(node, dir, "segment-store", "../var/segment-store"),
                path(node, dir, "roaming-exempt", "roaming-exempt.txt"), path(node, dir, "blocklist", "caller-blocklist.txt"),
                path(node, dir, "allowlist", "caller-allowlist.txt"), actions);
    }

    private static Path path(ConfigNode node, Path dir, String key, String defaultValue) throws ConfigException {
        return dir.resolve(node.string(key, defaultValue)).normalize();
    }
}
