package org.trunkguard.trace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends trace records to the files of one directory, crash-safe.
 *
 * <p>Contract: when {@link #decision} or {@link #event} returns, the record's bytes have been
 * handed to the operating system with {@code FileChannel.write}, so a crash of the JVM (kill -9)
 * cannot lose them; only a crash of the machine can lose what was written since the last
 * {@link #force}, which runs every {@link TraceSettings#flushInterval()} once
 * {@link #scheduleOn} is called, and at {@link #close}. With a zero flush interval every record is
 * forced before the call returns. If a call throws, that record was not written: the proxy should
 * not let the call through untraced.
 *
 * <p>Thread-safe. Design: each calling thread encodes into its own direct buffer (no lock), then
 * one lock covers only the rotation check and the {@code write} call on the single open file.
 * One file keeps records in decision order and makes a query a plain scan; the benchmark
 * {@code TraceWriterBenchmark} measures the lock with one and two threads. A failed write is cut
 * back off the file so a half-written record never hides the records after it.
 */
public final class TraceWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TraceWriter.class);

    private final TraceSettings settings;
    private final Clock clock;
    private final TraceDirectory directory;
    private final List<TraceRepair.Repair> repairs;
    private final ThreadLocal<TraceRecordEncoder> encoders = ThreadLocal.withInitial(TraceRecordEncoder::new);
    private final TraceTasks tasks = new TraceTasks();
    private final Object appendLock = new Object();
    /** The file {@link #force} syncs: read without the lock, so a force never blocks an append. */
    private volatile FileChannel channel;
    // guarded by appendLock
    private TraceFile file;
    private long fileBytes;
    private long nextDayStartMillis;
    private boolean mustRoll;
    private boolean closed;

    private TraceWriter(TraceSettings settings, Clock clock, TraceDirectory directory, List<TraceRepair.Repair> repairs) {
        this.settings = settings;
        this.clock = clock;
        this.directory = directory;
        this.repairs = List.copyOf(repairs);
    }

    /**
     * Locks the directory, repairs a record a crash left half written (logged, never fatal) and
     * opens a new file for today.
     *
     * @throws IOException when the directory cannot be created or locked, naming it
     */
    public static TraceWriter open(TraceSettings settings, Clock clock) throws IOException {
        TraceDirectory directory = TraceDirectory.lock(settings.directory());
        try {
            List<TraceRepair.Repair> repairs = directory.repairAfterCrash();
            for (TraceRepair.Repair repair : repairs) {
                LOG.warn("trace file repaired after an unclean stop: {}", repair);
            }
            if (settings.belowRegulatoryRetention()) {
                LOG.warn("trace retention is {} days, below the {} days network logs must be kept",
                        settings.retentionDays(), TraceSettings.REGULATORY_RETENTION_DAYS);
            }
            TraceWriter writer = new TraceWriter(settings, clock, directory, repairs);
            synchronized (writer.appendLock) {
                writer.roll(clock.millis());
            }
            return writer;
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Appends the DECISION record of one call attempt; see the class contract. */
    public void decision(CallDecision decision) throws IOException {
        append(encoders.get().decision(decision));
    }

    /** Appends an EVENT record: a step of the call {@code callId} after its decision. */
    public void event(CharSequence callId, CallEvent kind, long timeMillis, int status) throws IOException {
        append(encoders.get().event(callId, kind, timeMillis, status));
    }

    private void append(ByteBuffer frame) throws IOException {
        int length = frame.remaining();
        synchronized (appendLock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            long now = clock.millis();
            if (mustRoll || now >= nextDayStartMillis || fileBytes > 0 && fileBytes + length > settings.maxFileBytes()) {
                roll(now);
            }
            FileChannel target = channel;
            try {
                while (frame.hasRemaining()) {
                    target.write(frame);
                }
                if (settings.forcesEveryRecord()) {
                    target.force(false);
                }
            } catch (IOException e) {
                cutBack(target);
                throw e;
            }
            fileBytes += length;
        }
    }

    /** Removes a partly written record (disk full, I/O error) so the file stays a clean sequence. */
    private void cutBack(FileChannel target) {
        try {
            target.truncate(fileBytes);
            target.position(fileBytes);
        } catch (IOException e) {
            mustRoll = true;
            LOG.error("could not cut a failed trace record off {}; continuing in a new file", file.path(), e);
        }
    }

    /** Forces the current file and opens the next one. Runs under appendLock. */
    private void roll(long nowMillis) throws IOException {
        LocalDate day = Instant.ofEpochMilli(nowMillis).atZone(settings.zone()).toLocalDate();
        TraceFile next = directory.createNext(day);
        FileChannel opened = FileChannel.open(next.path(), StandardOpenOption.WRITE);
        FileChannel previous = channel;
        channel = opened;
        file = next;
        fileBytes = 0;
        mustRoll = false;
        nextDayStartMillis = day.plusDays(1).atStartOfDay(settings.zone()).toInstant().toEpochMilli();
        if (previous != null) {
            try {
                previous.force(false);
            } finally {
                previous.close();
            }
        }
    }

    /**
     * Forces what was written to disk (fdatasync). Safe to call from any thread at any time; it
     * takes no lock, so appends go on while the disk works.
     */
    public void force() throws IOException {
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // Rotation or close forced that file before closing it.
        }
    }

    /** Deletes files past retention (see {@link TraceRetention}); the proxy runs this from a scheduler. */
    public List<Path> deleteExpired() throws IOException {
        List<Path> deleted = TraceRetention.deleteExpired(settings.directory(), settings.retentionDays(),
                settings.zone(), clock);
        for (Path path : deleted) {
            LOG.info("trace file past {} days retention deleted: {}", settings.retentionDays(), path);
        }
        return deleted;
    }

    /**
     * Runs {@link #force} every flush interval and {@link #deleteExpired} every hour on
     * {@code scheduler} (the proxy's, not an event loop) until {@link #close}.
     */
    public void scheduleOn(ScheduledExecutorService scheduler) {
        tasks.schedule(scheduler, settings, this::force, this::deleteExpired);
    }

    /** The file records go to now. */
    public Path currentFile() {
        synchronized (appendLock) {
            return file.path();
        }
    }

    /** What the start-up repair cut from a file a crash left half written; empty after a clean stop. */
    List<TraceRepair.Repair> repairs() {
        return repairs;
    }

    public TraceSettings settings() {
        return settings;
    }

    /** Stops the scheduled tasks, forces the file to disk and releases the directory. */
    @Override
    public void close() throws IOException {
        tasks.cancel();
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
            try (FileChannel last = channel) {
                last.force(true);
            } finally {
                directory.close();
            }
        }
    }
}
