package org.trunkguard.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the caller-ID rules and their default actions (number-auth/README.md). */
public final class CallerIdRules {

    /** ENTERPRISE trunk: every identity lies in the enterprise's segments and they agree. */
    public static final String SEGMENT_OWNERSHIP = "segment-ownership";
    /** INTERNATIONAL trunk: a domestic calling number is a spoof unless roaming-exempt. */
    public static final String OVERSEAS_CN_SPOOF = "overseas-cn-spoof";
    /** The calling number matches no format of the number plan. */
    public static final String IRREGULAR_NUMBER = "irregular-number";
    /** No identity, Privacy: id, or an anonymous From, on a trunk that does not allow it. */
    public static final String ANONYMOUS_CALLER = "anonymous-caller";
    /** An identity of the call is on the block list. */
    public static final String CALLER_BLOCKLIST = "caller-blocklist";
    /** The caller is on the allow list: no further caller-ID rule applies. Not configurable. */
    public static final String CALLER_ALLOWLIST = "caller-allowlist";
    /** The callee is an emergency number: never blocked. Not configurable. */
    public static final String EMERGENCY_CALL = "emergency-call";

    /** Configurable rules and their default actions, in evaluation order. */
    public static final Map<String, RuleAction> DEFAULT_ACTIONS = defaults();

    private CallerIdRules() {
    }

    private static Map<String, RuleAction> defaults() {
        Map<String, RuleAction> actions = new LinkedHashMap<>();
        actions.put(CALLER_BLOCKLIST, RuleAction.reject(603));
        actions.put(ANONYMOUS_CALLER, RuleAction.reject(403));
        actions.put(IRREGULAR_NUMBER, RuleAction.reject(403));
        actions.put(SEGMENT_OWNERSHIP, RuleAction.reject(403));
        actions.put(OVERSEAS_CN_SPOOF, RuleAction.reject(403));
        return java.util.Collections.unmodifiableMap(actions);
    }
}
