package org.trunkguard.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Files of the project that the admin tests check: found from the module's working directory. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/METRICS.md"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/METRICS.md not found above " + Path.of("").toAbsolutePath());
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of docs/METRICS.md's tables: metric name → type, in the order listed. */
    static Map<String, String> documentedMetrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String line : read("docs/METRICS.md").split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String name = cells[1].trim().replace("`", "");
                if (metrics.put(name, cells[2].trim()) != null) {
                    throw new AssertionError("docs/METRICS.md lists " + name + " twice");
                }
            }
        }
        return metrics;
    }
}
