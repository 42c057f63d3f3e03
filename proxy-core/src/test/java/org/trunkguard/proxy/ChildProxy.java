package org.trunkguard.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `trunkguard run` in a child JVM, as the launcher starts it, for tests that signal or kill it. */
final class ChildProxy {
    private ChildProxy() {
    }

    static Process start(Path config) throws Exception {
        Path home = Path.of(System.getProperty("trunkguard.home", ".."));
        String flags = Files.readAllLines(home.resolve("conf/jvm.properties")).stream()
                .filter(l -> l.startsWith("trunkguard.jvm.flags=")).findFirst().orElseThrow().substring(21);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(flags.split(" ")));
        cmd.add("-Dlog4j.configuration=file:" + home.toAbsolutePath().resolve("conf/log4j.properties"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.trunkguard.cli.Main", "run", "--config",
                config.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log(config).toFile())).start();
    }

    static Path log(Path config) {
        return config.getParent().resolveSibling("proxy.log");
    }

    /** Sends probe INVITEs (Call-IDs starting "probe-") until the proxy answers one (bounded). */
    static void waitUntilServing(RawCaller caller) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            String probe = "probe-" + i + "-" + System.nanoTime();
            caller.invite(probe, "01055550001", "13900000001");
            if (Await.until(() -> caller.finals.containsKey(probe), 500)) {
                return;
            }
        }
        throw new AssertionError("the proxy did not start serving within 30 s");
    }
}
