package org.trunkguard.behaviour;

import java.time.Duration;

/**
 * Bounds of the detectors' state, so memory stays fixed whatever the traffic. When a table is
 * full, the least recently touched of a few keys near the new one leaves (sampled LRU, see
 * {@link SlotTable}): quiet numbers go first, busy abusers, touched on every call, stay.
 *
 * @param maxCallers      numbers tracked as callers, per caller-keyed detector. Default
 *                        2,000,000: a national gateway sees a few million active callers in a
 *                        window; see bench/RESULTS.md for the heap per caller.
 * @param maxCallees      numbers tracked as callees. Default 2,000,000.
 * @param maxPairs        caller→callee pairs tracked for 24 h. Default 4,000,000.
 * @param maxTrackedCalls calls in progress tracked for their life cycle. Default 1,000,000:
 *                        above the concurrent capacity of any single proxy.
 * @param maxCallDuration a call not finished after this is forgotten (lost BYE) and its
 *                        concurrency slot released. Default 4 h.
 * @param maxPenaltyEntries entries of the penalty box. Default 100,000.
 */
public record StateLimits(
        long maxCallers, long maxCallees, long maxPairs, long maxTrackedCalls, Duration maxCallDuration,
        long maxPenaltyEntries) {

    /** The documented defaults. */
    public static final StateLimits DEFAULTS =
            new StateLimits(2_000_000, 2_000_000, 4_000_000, 1_000_000, Duration.ofHours(4), 100_000);

    public StateLimits {
        Checks.positive("state.max-callers", maxCallers);
        Checks.positive("state.max-callees", maxCallees);
        Checks.positive("state.max-pairs", maxPairs);
        Checks.positive("state.max-tracked-calls", maxTrackedCalls);
        Checks.positive("state.max-call-duration", maxCallDuration);
        Checks.positive("state.max-penalty-entries", maxPenaltyEntries);
    }
}
