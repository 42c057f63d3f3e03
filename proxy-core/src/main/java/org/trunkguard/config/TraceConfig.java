package org.trunkguard.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import org.trunkguard.trace.TraceSettings;

/** The trace section: where trace records go, how often they are forced to disk, how long kept. */
final class TraceConfig {
    private static final Set<String> KEYS = Set.of("directory", "flush-interval", "max-file-mb", "retention-days", "zone");

    private TraceConfig() {
    }

    static TraceSettings read(ConfigNode n, Path configDir) throws ConfigException {
        TraceSettings d = TraceSettings.defaults().withDirectory(configDir.resolve("../var/trace").normalize());
        if (n == null) {
            return d;
        }
        n.allowOnly(KEYS);
        try {
            ZoneId zone = n.has("zone") ? ZoneId.of(n.string("zone", null)) : d.zone();
            return new TraceSettings(configDir.resolve(n.string("directory", "../var/trace")).normalize(),
                    n.duration("flush-interval", d.flushInterval()),
                    (long) n.integer("max-file-mb", (int) (d.maxFileBytes() >> 20), 1, 1024) << 20,
                    n.integer("retention-days", d.retentionDays(), 1, 3650), zone);
        } catch (java.time.DateTimeException e) {
            throw n.child("zone").error("unknown time zone");
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }
}
