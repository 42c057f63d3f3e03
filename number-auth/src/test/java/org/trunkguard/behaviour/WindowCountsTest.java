package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowCountsTest {

    private final WindowShape shape = WindowShape.of(2, Duration.ofSeconds(60), 6);
    private final WindowCounts counts = new WindowCounts(shape);

    @Test
    void countsSlideOutBucketByBucket() {
        counts.add(shape, 0, 1_000, 1);
        counts.add(shape, 0, 25_000, 2);
        counts.add(shape, 1, 25_000, 5);
        assertEquals(3, counts.sum(shape, 0, 59_000));
        assertEquals(2, counts.sum(shape, 0, 60_000));
        assertEquals(5, counts.sum(shape, 1, 60_000));
        assertEquals(0, counts.sum(shape, 0, 90_000));
    }

    @Test
    void lateEventsLandInTheirBucketOrAreDropped() {
        counts.add(shape, 0, 100_000, 1);
        counts.add(shape, 0, 55_000, 1);
        counts.add(shape, 0, 95_000, -1);
        counts.add(shape, 0, 40_000, 7);
        assertEquals(1, counts.sum(shape, 0, 100_000));
        assertEquals(0, counts.sum(shape, 0, 149_000));
    }

    @Test
    void numberKeysKeepLeadingZerosAndOrder() {
        assertTrue(NumberKey.of("0105555") != NumberKey.of("105555"));
        assertEquals(1, NumberKey.value(NumberKey.of("13912340001")) - NumberKey.value(NumberKey.of("13912340000")));
        assertTrue(NumberKey.of("abc") < 0);
        assertTrue(!NumberKey.comparable(NumberKey.of("abc"), NumberKey.of("13912340000")));
    }
}
