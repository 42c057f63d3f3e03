package org.trunkguard.behaviour;

import java.util.List;

/** The behaviour rule ids: stable names for the trace, metrics, policies and BEHAVIOUR.md. */
public final class RuleIds {

    public static final String RING_ONCE = "ring-once";
    public static final String BOMBING_CALLEE = "bombing.callee";
    public static final String BOMBING_PAIR = "bombing.pair";
    public static final String GROUP_CALLING = "group-calling";
    public static final String GROUP_CALLING_SWEEP = "group-calling.sweep";
    public static final String RATE_TRUNK_CPS = "rate.trunk-cps";
    public static final String RATE_TRUNK_CONCURRENT = "rate.trunk-concurrent";
    public static final String RATE_CALLER_CPS = "rate.caller-cps";
    public static final String RATE_CALLER_CONCURRENT = "rate.caller-concurrent";
    public static final String CALLING_HOURS = "calling-hours";
    public static final String DO_NOT_CALL = "do-not-call";
    /** The verdict of a caller in the penalty box carries the id of the rule that put it there. */
    public static final List<String> ALL = List.of(RING_ONCE, BOMBING_CALLEE, BOMBING_PAIR, GROUP_CALLING,
            GROUP_CALLING_SWEEP, RATE_TRUNK_CPS, RATE_TRUNK_CONCURRENT, RATE_CALLER_CPS, RATE_CALLER_CONCURRENT,
            CALLING_HOURS, DO_NOT_CALL);

    private RuleIds() {
    }
}
