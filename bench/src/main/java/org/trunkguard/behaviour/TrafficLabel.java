package org.trunkguard.behaviour;

/** What a simulated call really is, and the detector family that should catch it. */
enum TrafficLabel {
    LEGITIMATE(null),
    RING_ONCE("ring-once"),
    BOMBING("bombing"),
    GROUP_CALLING("group-calling"),
    SWEEP("group-calling");

    /** Rule ids of the family start with this; null for legitimate traffic. */
    final String family;

    TrafficLabel(String family) {
        this.family = family;
    }

    /** The family of a rule id ("bombing.pair" → "bombing"). */
    static String familyOf(String ruleId) {
        int dot = ruleId.indexOf('.');
        return dot < 0 ? ruleId : ruleId.substring(0, dot);
    }
}
