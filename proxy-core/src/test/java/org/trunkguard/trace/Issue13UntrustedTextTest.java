package org.trunkguard.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.time.ManualClock;
import picocli.CommandLine;

/**
 * Issue 13 item 5: the decision log wrote the caller's raw From, a NUL byte and 33.6 KB lines
 * among them. {@link UntrustedText} escapes and caps; the trace record keeps the raw value and
 * {@code trace} shows it escaped.
 */
class Issue13UntrustedTextTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path directory;

    @Test
    void plainAsciiIsReturnedAsItIs() {
        String plain = "<sip:01055550001@192.0.2.10>;tag=a1";
        assertSame(plain, UntrustedText.escape(plain));
        assertNull(UntrustedText.escape(null));
        assertEquals("", UntrustedText.escape(""));
    }

    @Test
    void issue13ControlBytesAreEscaped() {
        assertEquals("a\\x00b\\x01c\\x1Fd\\x7Fe\\x85f", UntrustedText.escape("a\u0000b\u0001c\u001fd\u007fe\u0085f"));
        assertEquals("line\\x0D\\x0Abreak\\x09tab", UntrustedText.escape("line\r\nbreak\ttab"));
        assertEquals("back\\\\x00slash", UntrustedText.escape("back\\x00slash"), "a backslash cannot fake an escape");
    }

    @Test
    void invisibleCharactersAreEscapedLettersAreNot() {
        assertEquals("张三 <sip:a@b>", UntrustedText.escape("张三 <sip:a@b>"));
        assertEquals("evil\\u{202E}txt.exe", UntrustedText.escape("evil\u202etxt.exe"));
        assertEquals("zero\\u{200B}width", UntrustedText.escape("zero\u200bwidth"));
        assertEquals("not utf-8 \\u{FFFD}", UntrustedText.escape("not utf-8 \ufffd"));
        assertEquals("sep\\u{2028}", UntrustedText.escape("sep\u2028"));
        assertEquals("lone \\u{D800}", UntrustedText.escape("lone \ud800"));
    }

    @Test
    void issue13LongValuesAreCapped() {
        String from = "<sip:" + "9".repeat(33_600) + "@192.0.2.10>";
        String shown = UntrustedText.escape(from);
        assertEquals(from.substring(0, 256) + "…(+" + (from.length() - 256) + " bytes)", shown);
        assertEquals("ab…(+3 bytes)", UntrustedText.escape("ab张", 4), "never cut inside a character");
        assertEquals("\\x00…(+1 bytes)", UntrustedText.escape("\u0000\u0000", 1), "the cap counts the value's bytes");
    }

    @Test
    void issue13TraceKeepsTheRawBytesAndShowsThemEscaped() throws Exception {
        String callId = "nul\u0000call";
        String from = "\"\u0000\u001b[31m\" <sip:01055550001@192.0.2.10>";
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), new ManualClock(T0))) {
            writer.decision(new CallDecision().time(T0.toEpochMilli()).trunk("ent-acme")
                    .source(TestCalls.address("192.0.2.10"), 5060).callId(callId).from(from, from)
                    .to("<sip:13900139000@core.example>", "+8613900139000").verdict(TestCalls.SPOOF));
        }
        List<CallTrace> traces = TestCalls.queryAll(directory);
        assertEquals(callId, traces.get(0).decision().callId(), "the record keeps the raw value");
        assertEquals(from, traces.get(0).decision().rawFrom());

        String table = run("--dir", directory.toString(), "--zone", "UTC");
        assertTrue(table.contains("nul\\x00call"), table);
        assertTrue(table.contains("\"\\x00\\x1B[31m\" <sip:01055550001@192.0.2.10>"), table);
        String json = run("--dir", directory.toString(), "--json");
        assertTrue(json.contains("\"callId\":\"nul\\u0000call\""), json);
        assertTrue(json.contains("\"rawFrom\":\"\\\"\\u0000\\u001b[31m\\\" <sip:"), json);
        for (String output : new String[] {table, json}) {
            assertFalse(output.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7f), output);
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceCli cli = new TraceCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, new CommandLine(cli).execute(args));
        return out.toString(StandardCharsets.UTF_8);
    }
}
