package org.trunkguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `trunkguard check-config`: exit 0 on the reference file; 1 and file:line: key: problem on a broken one. */
class CheckConfigCommandTest {
    private static final Path REFERENCE = Path.of(System.getProperty("trunkguard.home", "..")).resolve("conf/trunkguard.yaml");

    @TempDir
    Path dir;

    private int run(Path file, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new Main()).execute("check-config", "--config", file.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void referenceIsValid() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(REFERENCE, out, new ByteArrayOutputStream()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("valid (4 trunks)"));
    }

    @Test
    void brokenFileNamesFileLineAndKey() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(REFERENCE).replace("t2-ms: 4000", "t2-ms: 40"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(broken, new ByteArrayOutputStream(), err));
        String message = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(message.matches(".*broken\\.yaml:\\d+: proxy\\.timers\\.t2-ms: must be 500\\.\\.32000, got 40"), message);
    }

    @Test
    void missingFileIsAClearError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(dir.resolve("absent.yaml"), new ByteArrayOutputStream(), err));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("absent.yaml: cannot read"), err.toString(StandardCharsets.UTF_8));
    }
}
