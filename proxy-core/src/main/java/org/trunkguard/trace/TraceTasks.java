package org.trunkguard.trace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's periodic work on the proxy's scheduler (never an event loop): fsync every flush
 * interval, retention every hour. A periodic task that throws is never run again by a
 * {@link ScheduledExecutorService}, so each run logs its failure and the next one tries again.
 */
final class TraceTasks {

    private static final Logger LOG = LoggerFactory.getLogger(TraceTasks.class);
    static final long RETENTION_PERIOD_MINUTES = 60;

    /** Periodic work that may fail with an I/O error. */
    @FunctionalInterface
    interface IoTask {
        void run() throws IOException;
    }

    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    synchronized void schedule(ScheduledExecutorService scheduler, TraceSettings settings, IoTask force,
            IoTask retention) {
        if (!settings.forcesEveryRecord()) {
            long period = settings.flushInterval().toNanos();
            scheduled.add(scheduler.scheduleAtFixedRate(() -> logFailure("fsync", force), period, period,
                    TimeUnit.NANOSECONDS));
        }
        scheduled.add(scheduler.scheduleWithFixedDelay(() -> logFailure("retention", retention), 0,
                RETENTION_PERIOD_MINUTES, TimeUnit.MINUTES));
    }

    synchronized void cancel() {
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
    }

    private static void logFailure(String what, IoTask task) {
        try {
            task.run();
        } catch (IOException | RuntimeException e) {
            LOG.error("trace {} failed", what, e);
        }
    }
}
