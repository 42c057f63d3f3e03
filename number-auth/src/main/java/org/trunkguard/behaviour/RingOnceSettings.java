package org.trunkguard.behaviour;

import java.time.Duration;

/**
 * Thresholds of the ring-once rule ({@value RingOnceDetector#RULE_ID}, 响一声): a caller whose
 * calls ring briefly and are cancelled, baiting callbacks to a premium number.
 *
 * @param window        sliding window per caller. Default 10 min: baiting runs come in bursts
 *                      of minutes; a longer window only keeps stale evidence.
 * @param maxRing       a cancel within this time after the first 18x counts as ring-once.
 *                      Default 5 s: a bait rings one to three times (one ring cycle is 5 s in
 *                      China, 1 s on + 4 s off); a person who gives up waiting does so after 15 s
 *                      or more.
 * @param warningCount  ring-once calls in the window for a warning. Default 5: a person
 *                      rarely hangs up within one ring five times in ten minutes.
 * @param criticalCount ring-once calls in the window for critical. Default 10: twice the
 *                      warning, no one dials ten numbers to cancel each on the first ring.
 * @param minShare      the share of ring-once among the caller's finished calls in the window
 *                      below which nothing fires. Default 0.5: a busy line whose agents
 *                      sometimes cancel early still completes most calls.
 */
public record RingOnceSettings(Duration window, Duration maxRing, int warningCount, int criticalCount, double minShare) {

    /** The documented defaults. */
    public static final RingOnceSettings DEFAULTS =
            new RingOnceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), 5, 10, 0.5);

    public RingOnceSettings {
        Checks.positive("ring-once.window", window);
        Checks.positive("ring-once.max-ring", maxRing);
        Checks.ordered("ring-once.warning-count", warningCount, "ring-once.critical-count", criticalCount);
        Checks.share("ring-once.min-share", minShare);
    }
}
