package org.trunkguard.behaviour;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When calls of one enterprise category may be placed: days of the week and time ranges in a
 * time zone (e.g. marketing: Monday–Friday 08:00–12:00 and 14:00–18:30, Asia/Shanghai), minus
 * public holidays, plus the weekend days worked in their place (调休). In China the State
 * Council publishes both for the next year each November; a weekday holiday is no working day
 * and an adjusted Saturday is one, whatever its day of the week says.
 *
 * <p>The answer is cached per minute in one volatile long (minute × 2 + allowed), so the hot
 * path converts a time into a zoned date once a minute, not once a call.
 */
public final class CallingHours {

    /** A time range within a day, from inclusive to exclusive. */
    public record Range(LocalTime from, LocalTime to) {
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("range start " + from + " is not before its end " + to);
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final List<Range> ranges;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkdays;
    private volatile long cachedMinuteAndAnswer = -1;

    public CallingHours(ZoneId zone, Set<DayOfWeek> days, List<Range> ranges) {
        this(zone, days, ranges, Set.of(), Set.of());
    }

    /**
     * @param holidays      dates with no calling hours at all, whatever their day of the week
     * @param extraWorkdays dates that count as one of {@code days} although their day of the week
     *                      is not (a Saturday worked in exchange for a holiday)
     */
    public CallingHours(ZoneId zone, Set<DayOfWeek> days, List<Range> ranges, Set<LocalDate> holidays,
            Set<LocalDate> extraWorkdays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (days.isEmpty() || ranges.isEmpty()) {
            throw new IllegalArgumentException("calling hours need at least one day and one range");
        }
        this.days = Set.copyOf(EnumSet.copyOf(days));
        this.ranges = List.copyOf(ranges);
        this.holidays = Set.copyOf(holidays);
        this.extraWorkdays = Set.copyOf(extraWorkdays);
        for (LocalDate date : this.holidays) {
            if (this.extraWorkdays.contains(date)) {
                throw new IllegalArgumentException(date + " is both a holiday and an extra workday");
            }
        }
    }

    /**
     * The default for marketing: workdays 08:00–12:00 and 14:00–18:30 China time. Why: the
     * telecom regulator's marketing-call guidance forbids calls outside working hours and over
     * the lunch break, when people rest.
     */
    public static CallingHours marketingDefault() {
        return new CallingHours(ZoneId.of("Asia/Shanghai"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(new Range(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new Range(LocalTime.of(14, 0), LocalTime.of(18, 30))));
    }

    /** True if a call at {@code epochMillis} lies within these hours. */
    public boolean allows(long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        long cached = cachedMinuteAndAnswer;
        if (cached >= 0 && cached >>> 1 == minute) {
            return (cached & 1) == 1;
        }
        boolean allowed = compute(epochMillis);
        cachedMinuteAndAnswer = (minute << 1) | (allowed ? 1 : 0);
        return allowed;
    }

    private boolean compute(long epochMillis) {
        ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(zone);
        LocalDate date = at.toLocalDate();
        boolean workday = extraWorkdays.contains(date) || days.contains(at.getDayOfWeek()) && !holidays.contains(date);
        if (!workday) {
            return false;
        }
        LocalTime time = at.toLocalTime();
        for (Range range : ranges) {
            if (range.contains(time)) {
                return true;
            }
        }
        return false;
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> days() {
        return days;
    }

    public List<Range> ranges() {
        return ranges;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> extraWorkdays() {
        return extraWorkdays;
    }

    @Override
    public String toString() {
        return days + " " + ranges + " " + zone + " (" + holidays.size() + " holidays, " + extraWorkdays.size()
                + " extra workdays)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallingHours other && zone.equals(other.zone) && days.equals(other.days)
                && ranges.equals(other.ranges) && holidays.equals(other.holidays)
                && extraWorkdays.equals(other.extraWorkdays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, days, ranges, holidays, extraWorkdays);
    }
}
