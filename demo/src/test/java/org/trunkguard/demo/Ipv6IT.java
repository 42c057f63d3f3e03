package org.trunkguard.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.config.ProxyConfigLoader;

/**
 * The demo's calls over IPv6: proxy on fd00::1, enterprise caller on fd00::10, core on
 * [fd00::2]:5080. Needs those addresses on the loopback interface, which .ci/run adds inside its
 * private network namespace; elsewhere the test is skipped rather than touch a host's interfaces.
 */
class Ipv6IT {
    @TempDir
    Path root;

    private static boolean bindable(String address) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theDemoCallsWorkOverIpv6() throws Exception {
        assumeTrue(bindable("fd00::1") && bindable("fd00::10") && bindable("fd00::2"),
                "fd00::1, fd00::10 and fd00::2 are not on this host's loopback (.ci/run adds them in its namespace)");
        Path file = DemoConf.copy(root);
        String v6 = Files.readString(file)
                .replaceFirst("host: 127.0.0.1\n    # RFC 3261", "host: fd00::1\n    # RFC 3261")
                .replace("advertised-host: 127.0.0.1", "advertised-host: fd00::1")
                .replace("sources: [127.0.0.10/32]", "sources: [\"fd00::10/128\"]")
                .replace("sources: [127.0.0.2/32]\n    next-hop: 127.0.0.2:5080",
                        "sources: [\"fd00::2/128\"]\n    next-hop: \"[fd00::2]:5080\"");
        Files.writeString(file, v6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ok = new Demo(ProxyConfigLoader.load(file), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(ok, printed);
        assertTrue(printed.contains("403 Forbidden"), printed);
    }
}
