package org.trunkguard.behaviour;

import org.trunkguard.verdict.Verdict;

/**
 * A call being judged, then, if forwarded, one whose life cycle the guard follows: when it rang, when it was answered,
 * whether it is over. Events of one call may arrive on different threads, so the transitions
 * are synchronized and each happens once.
 */
final class TrackedCall {

    final CallAttempt attempt;
    final long callerKey;
    final long calleeKey;
    /** The strongest verdict so far; written only while the call is judged, before it is published. */
    private Verdict verdict = Verdict.ALLOW;
    private long ringingAt;
    private long answeredAt;
    private boolean finished;
    /**
     * Whether admitting the call counted it in its trunk's / caller's concurrent calls: its end
     * releases exactly what its start took, even if a reload changed the caps in between.
     */
    private boolean countedOnTrunk;
    private boolean countedForCaller;

    TrackedCall(CallAttempt attempt, long callerKey, long calleeKey) {
        this.attempt = attempt;
        this.callerKey = callerKey;
        this.calleeKey = calleeKey;
    }

    /** Keeps {@code other} if it is stronger than the verdict so far. */
    void apply(Verdict other) {
        if (other.action().ordinal() > verdict.action().ordinal()) {
            verdict = other;
        }
    }

    Verdict verdict() {
        return verdict;
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

    synchronized void countedConcurrency(boolean onTrunk, boolean forCaller) {
        countedOnTrunk = onTrunk;
        countedForCaller = forCaller;
    }

    synchronized boolean countedOnTrunk() {
        return countedOnTrunk;
    }

    synchronized boolean countedForCaller() {
        return countedForCaller;
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
