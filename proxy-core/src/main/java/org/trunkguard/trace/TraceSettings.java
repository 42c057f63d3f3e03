package org.trunkguard.trace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and how trace records are written.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>default</th><th>limits</th><th>why</th></tr>
 * <tr><td>directory</td><td>{@value #DEFAULT_DIRECTORY}</td><td>-</td><td>one directory per proxy
 *     process: the writer locks it</td></tr>
 * <tr><td>flushInterval</td><td>1 s</td><td>0 .. 60 s</td><td>how much a power loss (not a
 *     process crash) may cost; 0 forces every record to disk, at a disk flush per call</td></tr>
 * <tr><td>maxFileBytes</td><td>256 MiB</td><td>64 KiB .. 1 GiB</td><td>keeps files a size tools
 *     and people can copy</td></tr>
 * <tr><td>retentionDays</td><td>180</td><td>1 .. 3650</td><td>network logs must be kept at least
 *     six months; less is for labs</td></tr>
 * <tr><td>zone</td><td>system</td><td>-</td><td>the day boundary of daily rotation</td></tr>
 * </table>
 */
public record TraceSettings(Path directory, Duration flushInterval, long maxFileBytes, int retentionDays, ZoneId zone) {

    public static final String DEFAULT_DIRECTORY = "var/trace";
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_FLUSH_INTERVAL = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;
    public static final long MIN_MAX_FILE_BYTES = 64L << 10;
    public static final long MAX_MAX_FILE_BYTES = 1L << 30;
    public static final int DEFAULT_RETENTION_DAYS = 180;
    /** The regulatory floor: network logs are kept at least six months. */
    public static final int REGULATORY_RETENTION_DAYS = 180;
    public static final int MAX_RETENTION_DAYS = 3650;

    /**
     * Validates every setting.
     *
     * @throws IllegalArgumentException naming the setting, the value and the allowed range
     */
    public TraceSettings {
        Objects.requireNonNull(directory, "trace directory must be set");
        Objects.requireNonNull(flushInterval, "trace flush interval must be set");
        Objects.requireNonNull(zone, "trace zone must be set");
        if (flushInterval.isNegative() || flushInterval.compareTo(MAX_FLUSH_INTERVAL) > 0) {
            throw new IllegalArgumentException("trace flush interval must be between 0 s and "
                    + MAX_FLUSH_INTERVAL.toSeconds() + " s, got " + flushInterval.toMillis() + " ms");
        }
        if (maxFileBytes < MIN_MAX_FILE_BYTES || maxFileBytes > MAX_MAX_FILE_BYTES) {
            throw new IllegalArgumentException("trace max file size must be between " + MIN_MAX_FILE_BYTES
                    + " and " + MAX_MAX_FILE_BYTES + " bytes, got " + maxFileBytes);
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("trace retention must be between 1 and " + MAX_RETENTION_DAYS
                    + " days, got " + retentionDays);
        }
    }

    /** The defaults, in the system time zone. */
    public static TraceSettings defaults() {
        return new TraceSettings(Path.of(DEFAULT_DIRECTORY), DEFAULT_FLUSH_INTERVAL, DEFAULT_MAX_FILE_BYTES,
                DEFAULT_RETENTION_DAYS, ZoneId.systemDefault());
    }

    public TraceSettings withDirectory(Path value) {
        return new TraceSettings(value, flushInterval, maxFileBytes, retentionDays, zone);
    }

    public TraceSettings withFlushInterval(Duration value) {
        return new TraceSettings(directory, value, maxFileBytes, retentionDays, zone);
    }

    public TraceSettings withMaxFileBytes(long value) {
        return new TraceSettings(directory, flushInterval, value, retentionDays, zone);
    }

    public TraceSettings withRetentionDays(int value) {
        return new TraceSettings(directory, flushInterval, maxFileBytes, value, zone);
    }

    public TraceSettings withZone(ZoneId value) {
        return new TraceSettings(directory, flushInterval, maxFileBytes, retentionDays, value);
    }

    /** True when every record is forced to disk before {@code decision} returns. */
    public boolean forcesEveryRecord() {
        return flushInterval.isZero();
    }

    /** True when retention is below the six months regulators require: worth a warning at start. */
    public boolean belowRegulatoryRetention() {
        return retentionDays < REGULATORY_RETENTION_DAYS;
    }
}
