package org.trunkguard.verdict;

import java.util.Objects;

/**
 * The decision about one call: an action, the id of the rule that decided it and a reason a
 * person can read. For THROTTLE and REJECT, {@code sipStatus} is the response the proxy sends
 * (and {@code retryAfterSeconds} its Retry-After, 0 for none). Rules keep their verdicts as
 * constants so that judging a call allocates nothing.
 */
public record Verdict(Action action, String ruleId, String reason, int sipStatus, int retryAfterSeconds) {

    /** The verdict of a call no rule objected to. */
    public static final Verdict ALLOW = new Verdict(Action.ALLOW, "allow", "no rule objected", 0, 0);

    public Verdict {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
        if ((action == Action.REJECT || action == Action.THROTTLE) && (sipStatus < 400 || sipStatus > 699)) {
            throw new IllegalArgumentException(action + " needs a 4xx-6xx status, got " + sipStatus);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds < 0");
        }
    }

    public static Verdict reject(String ruleId, String reason, int sipStatus) {
        return new Verdict(Action.REJECT, ruleId, reason, sipStatus, 0);
    }

    public static Verdict mark(String ruleId, String reason) {
        return new Verdict(Action.MARK, ruleId, reason, 0, 0);
    }

    public boolean blocksCall() {
        return action == Action.REJECT || action == Action.THROTTLE;
    }
}
