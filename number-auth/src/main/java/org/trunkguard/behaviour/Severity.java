package org.trunkguard.behaviour;

/** How sure a detector is: the policy maps each to a rung of the rule's action ladder. */
public enum Severity {
    /** Past the warning threshold: suspicious, typically marked. */
    WARNING,
    /** Past the critical threshold: abuse, typically throttled or rejected. */
    CRITICAL
}
