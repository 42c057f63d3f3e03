package org.trunkguard.proxy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The second, independent SIP implementations some integration tests drive (SIPp, SIPVicious). */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Whether {@code program} is an executable on the PATH; tests that need it are skipped otherwise. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
