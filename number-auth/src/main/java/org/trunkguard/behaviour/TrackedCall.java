package org.trunkguard.behaviour;

/**
 * A forwarded call whose life cycle the guard follows: when it rang, when it was answered,
 * whether it is over. Events of one call may arrive on different threads, so the transitions
 * are synchronized and each happens once.
 */
final class TrackedCall {

    final CallAttempt attempt;
    final long callerKey;
    final long calleeKey;
    private long ringingAt;
    private long answeredAt;
    private boolean finished;

    TrackedCall(CallAttempt attempt, long callerKey, long calleeKey) {
        this.attempt = attempt;
        this.callerKey = callerKey;
        this.calleeKey = calleeKey;
    }

    synchronized void ringing(long atMillis) {
        if (ringingAt == 0) {
            ringingAt = atMillis;
        }
    }

    /** Records the answer; false if it was already answered or over. */
    synchronized boolean answered(long atMillis) {
        if (answeredAt != 0 || finished) {
            return false;
        }
        answeredAt = atMillis;
        return true;
    }

    /** Marks the call over; true only for the first caller. */
    synchronized boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }

    synchronized long ringingAt() {
        return ringingAt;
    }

    synchronized long answeredAt() {
        return answeredAt;
    }

    synchronized boolean isFinished() {
        return finished;
    }
}
