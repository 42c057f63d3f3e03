package org.trunkguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken configuration is refused with the file, the line and the key at fault. */
class ProxyConfigLoaderTest {
    @TempDir
    Path dir;

    /** Replaces the first occurrence of {@code from} in the reference file and loads the result. */
    private ConfigException broken(String from, String to) throws Exception {
        String reference = Files.readString(ConfigReferenceTest.HOME.resolve("conf/trunkguard.yaml"));
        if (!reference.contains(from)) {
            throw new IllegalArgumentException("reference has no '" + from + "'");
        }
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, reference.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return assertThrows(ConfigException.class, () -> ProxyConfigLoader.load(file));
    }

    private static int lineOf(String text) throws Exception {
        String[] lines = Files.readString(ConfigReferenceTest.HOME.resolve("conf/trunkguard.yaml")).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "udp-port: 5060|udp-port: 70000|proxy.listen.udp-port: must be 1..65535, got 70000",
        "udp-port: 5060|udp-port: five|proxy.listen.udp-port: must be a whole number, got 'five'",
        "udp-port: 5060|udp-prot: 5060|proxy.listen.udp-prot: unknown key",
        "kind: INTERNATIONAL|kind: ABROAD|trunks[2].kind: must be ENTERPRISE, INTERNATIONAL, INTERCARRIER or CORE, got 'ABROAD'",
        "[127.0.0.11/32]|[127.0.0.10/31]|trunks: sources of trunks 'demo-callcenter' and 'demo-other' overlap",
        "next-hop: 127.0.0.2:5080|next-hop: core.example.net:5080|trunks[3].next-hop: must be an IP address and port",
        "segment-ownership: reject 403|segment-ownership: reject|caller-id.rules.segment-ownership: action must be",
        "window: 10m|window: ten minutes|behaviour.ring-once.window: must be a duration",
        "critical-count: 10|critical-count: 2|behaviour.ring-once",
        "retention-days: 180|retention-days: 0|trace.retention-days: must be 1..3650, got 0",
        "2026-10-10]|2026-10-32]|behaviour.calling-hours.marketing.extra-workdays[5]: must be a date such as 2026-10-01, got '2026-10-32'",
        "register: own-numbers|register: sometimes|trunks[0].register: must be own-numbers or refuse, got 'sometimes'",
        "t1-ms: 500|t1-ms: [500|YAML syntax"})
    void brokenFileIsRefusedWithFileLineAndKey(String from, String to, String expected) throws Exception {
        ConfigException e = broken(from, to);
        String message = e.getMessage();
        String file = dir.resolve("broken.yaml").toString();
        org.junit.jupiter.api.Assertions.assertTrue(message.startsWith(file + ":"), message);
        org.junit.jupiter.api.Assertions.assertTrue(message.contains(expected), message);
        if (!expected.startsWith("trunks:") && !expected.startsWith("YAML") && !expected.equals("behaviour.ring-once")) {
            assertEquals(file + ":" + lineOf(from) + ": ", message.substring(0, file.length() + 2 + String.valueOf(lineOf(from)).length() + 1));
        }
    }
}
