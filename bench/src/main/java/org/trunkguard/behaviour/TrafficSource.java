package org.trunkguard.behaviour;

import java.util.Random;

/**
 * One simulated origin of calls (a subscriber, a call-centre agent, an abuser): it plans its
 * next call and says when the one after comes. Deterministic given the seeded random.
 */
abstract class TrafficSource {

    final TrafficLabel label;
    final long startMillis;
    final long stopMillis;

    TrafficSource(TrafficLabel label, long startMillis, long stopMillis) {
        this.label = label;
        this.startMillis = startMillis;
        this.stopMillis = stopMillis;
    }

    /** The next call of this source. */
    abstract CallPlan next(Random random);

    /** Milliseconds until the call after it. */
    abstract long gapMillis(Random random);

    /** True if the next call waits for this one to end (a person); false for dialers. */
    boolean sequential() {
        return true;
    }

    static long between(Random random, long fromMillis, long toMillis) {
        return fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis));
    }

    static long exponential(Random random, long meanMillis) {
        return (long) (-Math.log(1 - random.nextDouble()) * meanMillis);
    }

    static String randomMobile(Random random) {
        return String.valueOf(13_000_000_000L + (long) (random.nextDouble() * 6_000_000_000L));
    }
}
