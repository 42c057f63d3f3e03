package org.trunkguard.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told: the traffic simulator and benchmarks replay time with it,
 * and tests use it so that "a call of several seconds" or "a penalty of 30 minutes" takes no
 * time at all. Thread-safe; clocks made by {@link #withZone} share its time.
 */
public final class ManualClock extends Clock {
    private final AtomicLong millis;
    private final ZoneId zone;

    public ManualClock(long startMillis) {
        this(new AtomicLong(startMillis), ZoneOffset.UTC);
    }

    public ManualClock(Instant start) {
        this(start.toEpochMilli());
    }

    private ManualClock(AtomicLong millis, ZoneId zone) {
        this.millis = millis;
        this.zone = zone;
    }

    public void set(long atMillis) {
        millis.set(atMillis);
    }

    public void set(Instant instant) {
        set(instant.toEpochMilli());
    }

    /** Moves the clock on and returns the new time. */
    public long advance(long deltaMillis) {
        return millis.addAndGet(deltaMillis);
    }

    public long advance(Duration delta) {
        return advance(delta.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualClock(millis, other);
    }
}
