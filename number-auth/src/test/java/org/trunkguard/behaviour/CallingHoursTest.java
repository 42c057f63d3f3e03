package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calling hours around China's 2026 National Day, as the State Council arranged it: 1-7 October
 * off, Saturday 10 October worked in exchange.
 */
class CallingHoursTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final CallingHours PLAIN = CallingHours.marketingDefault();
    private static final CallingHours WITH_HOLIDAYS = new CallingHours(CHINA, PLAIN.days(), PLAIN.ranges(),
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5)),
            Set.of(LocalDate.of(2026, 10, 10)));

    @Test
    void aWeekdayHolidayHasNoCallingHours() {
        assertTrue(PLAIN.allows(at("2026-10-01T10:00")), "Thursday 1 October is a weekday");
        assertFalse(WITH_HOLIDAYS.allows(at("2026-10-01T10:00")), "but it is National Day");
        assertFalse(WITH_HOLIDAYS.allows(at("2026-10-05T15:00")));
    }

    @Test
    void anAdjustedSaturdayIsAWorkdayWithItsLunchBreak() {
        assertFalse(PLAIN.allows(at("2026-10-10T10:00")), "Saturday");
        assertTrue(WITH_HOLIDAYS.allows(at("2026-10-10T10:00")), "worked in exchange for the holiday");
        assertFalse(WITH_HOLIDAYS.allows(at("2026-10-10T13:00")), "the lunch break still holds");
        assertFalse(WITH_HOLIDAYS.allows(at("2026-10-10T19:00")), "and the evening");
    }

    @Test
    void otherDaysAreUnchanged() {
        assertTrue(WITH_HOLIDAYS.allows(at("2026-10-08T09:30")), "an ordinary Thursday");
        assertFalse(WITH_HOLIDAYS.allows(at("2026-10-17T10:00")), "an ordinary Saturday");
    }

    @Test
    void aDateCannotBeBothHolidayAndWorkday() {
        LocalDate day = LocalDate.of(2026, 10, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CallingHours(CHINA, PLAIN.days(), PLAIN.ranges(), Set.of(day), Set.of(day)));
        assertEquals("2026-10-10 is both a holiday and an extra workday", e.getMessage());
    }

    @Test
    void holidaysTakePartInEquality() {
        assertFalse(PLAIN.equals(WITH_HOLIDAYS), "a reload that adds holidays must rebuild the rules");
    }

    private static long at(String chinaLocalTime) {
        return LocalDateTime.parse(chinaLocalTime).atZone(CHINA).toInstant().toEpochMilli();
    }
}
