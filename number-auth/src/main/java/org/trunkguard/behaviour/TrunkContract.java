package org.trunkguard.behaviour;

/**
 * What a trunk (or a caller) may use: a sustained calls-per-second rate with a burst allowance,
 * and concurrent calls. A zero field means no limit.
 *
 * @param callsPerSecond sustained CPS (token refill rate); 0 for none
 * @param burst          calls allowed at once above the rate (token bucket size)
 * @param maxConcurrent  calls in progress at once; 0 for none
 */
public record TrunkContract(double callsPerSecond, int burst, int maxConcurrent) {

    /** No limits. */
    public static final TrunkContract UNLIMITED = new TrunkContract(0, 0, 0);

    public TrunkContract {
        Checks.notNegative("calls-per-second", callsPerSecond);
        if (burst < 0 || maxConcurrent < 0) {
            throw new IllegalArgumentException("burst and max-concurrent must be 0 or more");
        }
        if (callsPerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("a rate needs a burst of at least 1, got " + burst);
        }
    }
}
