package org.trunkguard.behaviour;

import java.time.Duration;

/**
 * The shape shared by every {@link WindowCounts} of one detector: how many counters, over
 * what window, in how many buckets. Kept out of the per-number state so that state stays small.
 */
record WindowShape(int channels, int buckets, long bucketMillis) {

    WindowShape {
        if (channels < 1 || buckets < 2 || bucketMillis < 1) {
            throw new IllegalArgumentException("bad window shape " + channels + "/" + buckets + "/" + bucketMillis);
        }
    }

    /** A window of {@code window} cut into {@code buckets} buckets. */
    static WindowShape of(int channels, Duration window, int buckets) {
        return new WindowShape(channels, buckets, Math.max(1, window.toMillis() / buckets));
    }

    long windowMillis() {
        return bucketMillis * buckets;
    }
}
