package org.trunkguard.auth;

import java.util.concurrent.ConcurrentHashMap;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/**
 * The verdicts of the caller-ID rules, built once from the configured actions so that judging a
 * call allocates nothing. Irregular-number verdicts carry the normaliser's reason; those reasons
 * come from a fixed set of constants, so their verdicts are cached by reason.
 */
final class RuleVerdicts {

    static final Verdict EMERGENCY = new Verdict(Action.ALLOW, CallerIdRules.EMERGENCY_CALL,
            "call to an emergency number is never blocked", 0, 0);
    static final Verdict ALLOWLISTED = new Verdict(Action.ALLOW, CallerIdRules.CALLER_ALLOWLIST,
            "caller is on the allow list", 0, 0);

    final Verdict blocklisted;
    final Verdict anonymous;
    final Verdict notInSegments;
    final Verdict identitiesDisagree;
    final Verdict overseasSpoof;
    private final RuleAction irregularAction;
    private final ConcurrentHashMap<String, Verdict> irregularByReason = new ConcurrentHashMap<>();

    RuleVerdicts(CallerIdSettings settings) {
        blocklisted = verdict(settings, CallerIdRules.CALLER_BLOCKLIST, "calling number is on the block list");
        anonymous = verdict(settings, CallerIdRules.ANONYMOUS_CALLER,
                "anonymous or missing calling identity not allowed on this trunk");
        notInSegments = verdict(settings, CallerIdRules.SEGMENT_OWNERSHIP,
                "calling number is not in the enterprise's allocated segments");
        identitiesDisagree = verdict(settings, CallerIdRules.SEGMENT_OWNERSHIP,
                "calling identities disagree (From, P-Asserted-Identity, Remote-Party-ID)");
        overseasSpoof = verdict(settings, CallerIdRules.OVERSEAS_CN_SPOOF,
                "domestic calling number on an international trunk and not roaming");
        irregularAction = settings.action(CallerIdRules.IRREGULAR_NUMBER);
    }

    Verdict irregular(String reason) {
        Verdict cached = irregularByReason.get(reason);
        if (cached == null) {
            cached = of(irregularAction, CallerIdRules.IRREGULAR_NUMBER, "irregular calling number: " + reason);
            Verdict raced = irregularByReason.putIfAbsent(reason, cached);
            cached = raced != null ? raced : cached;
        }
        return cached;
    }

    private static Verdict verdict(CallerIdSettings settings, String ruleId, String reason) {
        return of(settings.action(ruleId), ruleId, reason);
    }

    static Verdict of(RuleAction action, String ruleId, String reason) {
        return switch (action.response()) {
            case REJECT -> Verdict.reject(ruleId, reason, action.sipStatus());
            case MARK -> Verdict.mark(ruleId, reason);
            case REPORT -> new Verdict(Action.ALLOW, ruleId, reason, 0, 0);
        };
    }
}
