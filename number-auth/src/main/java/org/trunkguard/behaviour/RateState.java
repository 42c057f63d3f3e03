package org.trunkguard.behaviour;

/**
 * A token bucket and a concurrent-call count for one trunk or caller. Guarded by its own
 * monitor.
 */
final class RateState {

    private double tokens;
    private long refilledAt;
    private int concurrent;

    RateState(int burst) {
        tokens = burst;
    }

    /** Takes a token for a call at {@code atMillis}; false if the rate is exhausted. */
    synchronized boolean tryTake(TrunkContract contract, long atMillis) {
        if (atMillis > refilledAt) {
            if (refilledAt != 0) {
                tokens = Math.min(contract.burst(), tokens + (atMillis - refilledAt) * contract.callsPerSecond() / 1000.0);
            }
            refilledAt = atMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    synchronized int concurrent() {
        return concurrent;
    }

    synchronized void started() {
        concurrent++;
    }

    synchronized void ended() {
        if (concurrent > 0) {
            concurrent--;
        }
    }
}
