package org.trunkguard.behaviour;

/**
 * How one simulated call goes if forwarded: rings after {@code ringAfterMillis} (or never when
 * negative), then is answered and lasts {@code talkMillis}, or is cancelled / fails at
 * {@code endAfterMillis} from the attempt.
 */
record CallPlan(String trunk, String caller, String callee, TrafficLabel label, long ringAfterMillis,
        boolean answered, long talkMillis, boolean cancelled, long endAfterMillis) {

    static CallPlan answered(String trunk, String caller, String callee, TrafficLabel label, long ringAfter,
            long answerAfterRing, long talk) {
        return new CallPlan(trunk, caller, callee, label, ringAfter, true, talk, false, ringAfter + answerAfterRing);
    }

    static CallPlan cancelled(String trunk, String caller, String callee, TrafficLabel label, long ringAfter, long ringFor) {
        return new CallPlan(trunk, caller, callee, label, ringAfter, false, 0, true, ringAfter + ringFor);
    }

    static CallPlan failed(String trunk, String caller, String callee, TrafficLabel label, long ringAfter, long failAfter) {
        return new CallPlan(trunk, caller, callee, label, ringAfter, false, 0, false, failAfter);
    }
}
