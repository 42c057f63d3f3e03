package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic fsync and retention tasks, run by hand instead of waiting for their period. */
class TraceSchedulingTest {

    /** Records what is scheduled and never runs it on its own. */
    static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Long> periodsMillis = new ArrayList<>();
        final List<ScheduledFuture<?>> futures = new ArrayList<>();

        CapturingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
            return capture(task, unit.toMillis(period));
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
            return capture(task, unit.toMillis(delay));
        }

        private ScheduledFuture<?> capture(Runnable task, long periodMillis) {
            tasks.add(task);
            periodsMillis.add(periodMillis);
            ScheduledFuture<?> never = schedule(() -> { }, 365, TimeUnit.DAYS);
            futures.add(never);
            return never;
        }
    }

    @TempDir
    Path directory;

    @Test
    void forcesEveryFlushIntervalAndDeletesExpiredFilesUntilClosed() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T02:00:00Z"));
        TraceSettings settings = TestCalls.settings(directory).withFlushInterval(Duration.ofMillis(250));
        try (TraceWriter old = TraceWriter.open(settings, clock)) {
            old.decision(TestCalls.allowed(new CallDecision(), clock.millis(), "old", "1", "2"));
        }
        clock.advance(Duration.ofDays(200));
        CapturingScheduler scheduler = new CapturingScheduler();
        try {
            try (TraceWriter writer = TraceWriter.open(settings, clock)) {
                writer.scheduleOn(scheduler);
                assertEquals(List.of(250L, 60 * 60 * 1000L), scheduler.periodsMillis);
                writer.decision(TestCalls.allowed(new CallDecision(), clock.millis(), "new", "1", "2"));
                scheduler.tasks.forEach(Runnable::run);
                assertFalse(Files.exists(directory.resolve("trace-20260101-0001.trc")));
                assertTrue(Files.exists(writer.currentFile()));
            }
            scheduler.futures.forEach(future -> assertTrue(future.isCancelled()));
            scheduler.tasks.forEach(Runnable::run);
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals(List.of("new"), TestCalls.queryAll(directory).stream().map(t -> t.decision().callId()).toList());
    }

    @Test
    void aZeroFlushIntervalForcesEachRecordAndSchedulesOnlyRetention() throws Exception {
        CapturingScheduler scheduler = new CapturingScheduler();
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory).withFlushInterval(Duration.ZERO),
                new ManualClock(Instant.parse("2026-01-01T02:00:00Z")))) {
            writer.scheduleOn(scheduler);
            assertEquals(List.of(60 * 60 * 1000L), scheduler.periodsMillis);
            writer.decision(TestCalls.allowed(new CallDecision(), 1, "forced", "1", "2"));
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals(1, TestCalls.queryAll(directory).size());
    }
}
