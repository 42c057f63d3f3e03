package org.trunkguard.numbers;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration or data file, at a line a person can open in an editor.
 * {@link #toString()} gives the conventional {@code file:line: reason}; line 0 means the file as a
 * whole (missing, unreadable).
 */
public record FileProblem(Path file, int line, String reason) {

    public FileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line < 0");
        }
    }

    @Override
    public String toString() {
        return line == 0 ? file + ": " + reason : file + ":" + line + ": " + reason;
    }
}
