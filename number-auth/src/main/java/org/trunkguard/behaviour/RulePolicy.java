package org.trunkguard.behaviour;

import java.time.Duration;
import java.util.Objects;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/**
 * The action ladder of one rule: what a warning and a critical detection do (ALLOW means
 * report only), with which SIP status, and how long a critical caller stays in the penalty box.
 * The two verdicts are built once here, so deciding allocates nothing.
 *
 * @param ruleId          the rule this policy is for
 * @param onWarning       action for a warning: ALLOW (report only), MARK, THROTTLE or REJECT
 * @param onCritical      action for a critical detection; never milder than {@code onWarning}
 * @param throttleStatus  status of a THROTTLE: 503 (with Retry-After) or 486 (busy here)
 * @param retryAfterSeconds Retry-After of a 503 throttle; 0 for none
 * @param rejectStatus    status of a REJECT: 603 (decline) by default
 * @param penalty         how long a caller found critical stays in the penalty box (every
 *                        call of it gets the critical verdict); zero for no box
 * @param reason          the reason a person reads in the Reason header and the trace
 */
public record RulePolicy(
        String ruleId, Action onWarning, Action onCritical, int throttleStatus, int retryAfterSeconds,
        int rejectStatus, Duration penalty, String reason) {

    public RulePolicy {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(onWarning, ruleId + ".on-warning");
        Objects.requireNonNull(onCritical, ruleId + ".on-critical");
        Objects.requireNonNull(reason, ruleId + ".reason");
        if (onCritical.ordinal() < onWarning.ordinal()) {
            throw new IllegalArgumentException(ruleId + ".on-critical (" + onCritical
                    + ") must not be milder than " + ruleId + ".on-warning (" + onWarning + ")");
        }
        if (throttleStatus != 503 && throttleStatus != 486) {
            throw new IllegalArgumentException(ruleId + ".throttle-status must be 503 or 486, got " + throttleStatus);
        }
        if (rejectStatus < 400 || rejectStatus > 699) {
            throw new IllegalArgumentException(ruleId + ".reject-status must be 4xx-6xx, got " + rejectStatus);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException(ruleId + ".retry-after must be 0 or more");
        }
        Checks.notNegative(ruleId + ".penalty", penalty);
    }

    /** A ladder: warning marks, critical rejects with 603, with the given penalty. */
    public static RulePolicy markThenReject(String ruleId, Duration penalty, String reason) {
        return new RulePolicy(ruleId, Action.MARK, Action.REJECT, 503, 0, 603, penalty, reason);
    }

    /** A ladder: warning marks, critical throttles with {@code status}. */
    public static RulePolicy markThenThrottle(String ruleId, int status, int retryAfterSeconds, String reason) {
        return new RulePolicy(ruleId, Action.MARK, Action.THROTTLE, status, retryAfterSeconds, 603, Duration.ZERO, reason);
    }

    /** The same ladder with other actions (e.g. report only while a rule is trialled). */
    public RulePolicy withActions(Action warning, Action critical) {
        return new RulePolicy(ruleId, warning, critical, throttleStatus, retryAfterSeconds, rejectStatus, penalty, reason);
    }

    /** The verdict for {@code severity} under this ladder. */
    Verdict verdictFor(Severity severity) {
        return toVerdict(severity == Severity.CRITICAL ? onCritical : onWarning);
    }

    Verdict toVerdict(Action action) {
        return switch (action) {
            case ALLOW -> Verdict.ALLOW;
            case MARK -> Verdict.mark(ruleId, reason);
            case THROTTLE -> new Verdict(Action.THROTTLE, ruleId, reason, throttleStatus,
                    throttleStatus == 503 ? retryAfterSeconds : 0);
            case REJECT -> Verdict.reject(ruleId, reason, rejectStatus);
        };
    }
}
