package org.trunkguard.behaviour;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. */
final class FakeClock extends Clock {

    private long millis;

    FakeClock(long startMillis) {
        this.millis = startMillis;
    }

    /** Tuesday 2026-11-24 10:00 China time, inside marketing hours. */
    static FakeClock workdayMorning() {
        return new FakeClock(Instant.parse("2026-11-24T02:00:00Z").toEpochMilli());
    }

    long advance(long deltaMillis) {
        millis += deltaMillis;
        return millis;
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
