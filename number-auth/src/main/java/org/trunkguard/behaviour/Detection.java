package org.trunkguard.behaviour;

import java.util.Objects;

/**
 * What a detector saw: evidence, never an action. The policy turns it into a verdict; the
 * proxy writes it to the trace record. Detections are created only when a threshold is passed,
 * so the common path allocates none.
 *
 * @param ruleId    the rule that fired, e.g. "ring-once" (see number-auth/BEHAVIOUR.md)
 * @param severity  warning or critical
 * @param subject   what {@code key} is
 * @param key       the number, pair ("caller>callee") or trunk id the figures were counted for
 * @param observed  the figure that passed the threshold (a count, a share, a rate)
 * @param threshold the threshold it passed
 * @param evidence  the figures in words, for the trace record and the operator
 */
public record Detection(
        String ruleId, Severity severity, Subject subject, String key, double observed, double threshold,
        String evidence) {

    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(evidence, "evidence");
    }
}
