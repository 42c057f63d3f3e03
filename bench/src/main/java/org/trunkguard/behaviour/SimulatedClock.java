package org.trunkguard.behaviour;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulator's clock: set to each event's time before the guard sees the event. */
final class SimulatedClock extends Clock {

    private long millis;

    SimulatedClock(long startMillis) {
        millis = startMillis;
    }

    void set(long atMillis) {
        millis = atMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
