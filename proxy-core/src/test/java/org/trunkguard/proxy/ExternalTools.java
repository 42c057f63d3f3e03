package org.trunkguard.proxy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second, independent SIP implementations some integration tests drive (SIPp, SIPVicious,
 * Kamailio); a test is skipped where its tool is not installed.
 */
public final class ExternalTools {
    /** Daemons such as kamailio live here, often outside a user's PATH. */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin");

    private ExternalTools() {
    }

    /** Whether {@code program} is an executable on the PATH or in the system directories. */
    public static boolean onPath(String program) {
        return find(program).isPresent();
    }

    /** The executable {@code program}, looked for on the PATH, then in the system directories. */
    public static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SYSTEM_DIRS);
        for (String dir : dirs) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
