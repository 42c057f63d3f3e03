package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaultsAreTheDocumentedOnes() {
        TraceSettings defaults = TraceSettings.defaults();
        assertEquals(Path.of("var/trace"), defaults.directory());
        assertEquals(Duration.ofSeconds(1), defaults.flushInterval());
        assertEquals(256L * 1024 * 1024, defaults.maxFileBytes());
        assertEquals(180, defaults.retentionDays());
        assertFalse(defaults.belowRegulatoryRetention());
        assertFalse(defaults.forcesEveryRecord());
        assertTrue(defaults.withFlushInterval(Duration.ZERO).forcesEveryRecord());
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirName() {
        TraceSettings defaults = TraceSettings.defaults();
        assertEquals("trace flush interval must be between 0 s and 60 s, got -1 ms", assertThrows(
                IllegalArgumentException.class, () -> defaults.withFlushInterval(Duration.ofMillis(-1))).getMessage());
        assertEquals("trace max file size must be between 65536 and 1073741824 bytes, got 1000", assertThrows(
                IllegalArgumentException.class, () -> defaults.withMaxFileBytes(1000)).getMessage());
        assertEquals("trace retention must be between 1 and 3650 days, got 0", assertThrows(
                IllegalArgumentException.class, () -> defaults.withRetentionDays(0)).getMessage());
        assertEquals("trace zone must be set", assertThrows(
                NullPointerException.class, () -> defaults.withZone(null)).getMessage());
        assertTrue(defaults.withRetentionDays(30).belowRegulatoryRetention());
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefused() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
        try (TraceWriter first = TraceWriter.open(TestCalls.settings(directory), clock)) {
            IOException refused = assertThrows(IOException.class,
                    () -> TraceWriter.open(TestCalls.settings(directory), clock));
            assertTrue(refused.getMessage().contains("is in use by another writer"), refused.getMessage());
        }
        TraceWriter.open(TestCalls.settings(directory), clock).close();
    }

    @Test
    void aClosedWriterRefusesRecords() throws Exception {
        TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), new ManualClock(Instant.EPOCH));
        writer.close();
        writer.close();
        assertThrows(IOException.class, () -> writer.decision(new CallDecision().callId("late")));
    }
}
