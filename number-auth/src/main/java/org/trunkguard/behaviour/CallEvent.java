package org.trunkguard.behaviour;

import java.util.Objects;

/**
 * One step of a call's life cycle after the decision, fed to {@link BehaviourGuard#on(CallEvent)}.
 *
 * @param kind     what happened
 * @param call     the attempt this event belongs to (the proxy keeps it with its transaction)
 * @param atMillis when it happened, epoch milliseconds from the proxy's clock
 */
public record CallEvent(Kind kind, CallAttempt call, long atMillis) {

    /** The life-cycle steps the proxy reports. */
    public enum Kind {
        /** The first 18x: the callee's phone rings. */
        RINGING,
        /** A 2xx to the INVITE: the callee answered. */
        ANSWERED,
        /** The caller gave up before an answer (CANCEL). */
        CANCELLED,
        /** A final response of 300 or more (busy, rejected, not found, ...). */
        FAILED,
        /** A BYE after the answer, from either side. */
        ENDED;

        /** True for the steps after which the call is over. */
        public boolean finishesCall() {
            return this == CANCELLED || this == FAILED || this == ENDED;
        }
    }

    public CallEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
    }
}
