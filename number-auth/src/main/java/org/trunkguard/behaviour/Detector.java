package org.trunkguard.behaviour;

/**
 * One behaviour rule (or a family of rules over the same state). A detector counts what it
 * sees and reports {@link Detection}s to the {@link Judgement}; it never decides what happens
 * to the call. A new detector is one class implementing this and one settings record.
 */
interface Detector {

    /** Counts the attempt and reports what it finds. Called for every judged call. */
    void onAttempt(CallAttempt call, TrackedCall tracked, Judgement judgement);

    /** The call was forwarded (no rule blocked it). */
    default void onAdmitted(TrackedCall call) {
    }

    /** The callee answered. */
    default void onAnswered(TrackedCall call, long atMillis) {
    }

    /** The call is over: cancelled, failed or ended. Called once per forwarded call. */
    default void onFinished(TrackedCall call, CallEvent.Kind how, long atMillis) {
    }

    /** The call was forgotten without an end (lost BYE, evicted): release what it holds. */
    default void onForgotten(TrackedCall call) {
    }
}
