package org.trunkguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `bin/trunkguard demo` as the launcher starts it, in a child JVM with the flags of
 * conf/jvm.properties: every call behaves as expected, the exit status says so, and the output
 * carries no third-party advert.
 */
class DemoIT {
    @TempDir
    Path root;

    @Test
    void theDemoExitsZeroAndPrintsNoAdvert() throws Exception {
        Path file = DemoConf.copy(root);
        Path home = DemoConf.home();
        String flags = Files.readAllLines(home.resolve("conf/jvm.properties")).stream()
                .filter(l -> l.startsWith("trunkguard.jvm.flags=")).findFirst().orElseThrow().substring(21);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(flags.split(" ")));
        cmd.add("-Dlog4j.configuration=file:" + home.resolve("conf/log4j.properties"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DemoCommand.class.getName(),
                "--config", file.toString()));
        Path output = root.resolve("demo.log");
        Process demo = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean exited = demo.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            demo.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(exited, "the demo did not finish within 120 s\n" + printed);
        assertEquals(0, demo.exitValue(), printed);
        assertTrue(printed.contains("demo: every call behaved as expected"), printed);
        assertTrue(printed.contains("403 Forbidden"), printed);
        // conf/jvm.properties silences Chronicle's start-up announcement.
        assertFalse(printed.contains("Leave your e-mail"), printed);
    }
}
