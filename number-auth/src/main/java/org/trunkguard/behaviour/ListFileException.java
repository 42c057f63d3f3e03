package org.trunkguard.behaviour;

import java.nio.file.Path;

/** A list file that cannot be used, with the file and line to fix ("conf/dnc.csv:12: ..."). */
public final class ListFileException extends Exception {

    private static final long serialVersionUID = 1L;

    ListFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    ListFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
