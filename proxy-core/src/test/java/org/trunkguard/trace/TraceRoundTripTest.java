package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path directory;

    private final ManualClock clock = new ManualClock(T0);

    @Test
    void decisionsJoinTheirEventsAndKeepEveryField() throws Exception {
        long t = T0.toEpochMilli();
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            CallDecision call = new CallDecision();
            writer.decision(TestCalls.allowed(call, t, "a@host", "13800138000", "13900139000"));
            writer.decision(TestCalls.rejected(call, t + 10, "b@host", "13800138000", "01055550000"));
            writer.event("a@host", CallEvent.RINGING, t + 800, 180);
            writer.event("a@host", CallEvent.ANSWERED, t + 3_000, 200);
            writer.event("unknown@host", CallEvent.ENDED, t + 4_000, 0);
            writer.event("a@host", CallEvent.ENDED, t + 63_000, 0);
        }
        List<CallTrace> all = TestCalls.queryAll(directory);
        assertEquals(2, all.size());

        CallTrace answered = all.get(0);
        TraceRecord.Decision d = answered.decision();
        assertEquals(new TraceRecord.Decision(t, "ent-acme", "192.0.2.10", 5060, "a@host",
                "<sip:13800138000@192.0.2.10>;tag=a1", "+8613800138000", "<sip:+8613800138000@192.0.2.10>",
                "+8613800138000", "<sip:13900139000@core.example>", "+8613900139000", "ALLOW", "allow",
                "no rule objected", 0), d);
        assertEquals(t + 800, answered.ringingAt());
        assertEquals(t + 3_000, answered.answeredAt());
        assertEquals(CallEvent.ENDED, answered.end().kind());
        assertEquals(60_000, answered.durationMillis());

        CallTrace rejected = all.get(1);
        assertEquals("REJECT", rejected.decision().action());
        assertEquals("intl-spoof-86", rejected.decision().ruleId());
        assertEquals(403, rejected.decision().responseStatus());
        assertTrue(rejected.events().isEmpty());
        assertEquals(-1, rejected.ringingAt());
        assertEquals(-1, rejected.durationMillis());
        assertNull(rejected.end());
    }

    @Test
    void criteriaSelectByCallIdCallerCalleeAndTime() throws Exception {
        long t = T0.toEpochMilli();
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            CallDecision call = new CallDecision();
            writer.decision(TestCalls.allowed(call, t, "c1", "13800138000", "13900139000"));
            writer.decision(TestCalls.allowed(call, t + 1_000, "c2", "13700137000", "13900139000"));
            writer.decision(TestCalls.allowed(call, t + 2_000, "c3", "13800138000", "13600136000"));
        }
        assertEquals(List.of("c2"), ids(new TraceCriteria("c2", null, null, null, null)));
        assertEquals(List.of("c1", "c3"), ids(new TraceCriteria(null, "13800138000", null, null, null)));
        assertEquals(List.of("c1", "c3"), ids(new TraceCriteria(null, "+8613800138000", null, null, null)));
        assertEquals(List.of("c1", "c2"), ids(new TraceCriteria(null, null, "13900139000", null, null)));
        assertEquals(List.of("c2", "c3"), ids(new TraceCriteria(null, null, null, T0.plusMillis(1_000), null)));
        assertEquals(List.of("c1", "c2"), ids(new TraceCriteria(null, null, null, null, T0.plusMillis(2_000))));
        assertEquals(List.of("c2"), ids(new TraceCriteria(null, null, "13900139000", T0.plusMillis(500), null)));
        assertEquals(List.of(), ids(new TraceCriteria("nope", null, null, null, null)));
    }

    @Test
    void textIsUtf8AbsentFieldsStayAbsentAndLongFieldsAreCut() throws Exception {
        long t = T0.toEpochMilli();
        String longFrom = "x".repeat(5_000);
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            writer.decision(new CallDecision().time(t).trunk("中继-北京").callId("u1")
                    .source(TestCalls.address("2001:db8::1"), 5061)
                    .from("\"张三 😀\" <sip:95555@x>", "95555").to(longFrom, null)
                    .verdict(TestCalls.SPOOF).responseStatus(603));
        }
        TraceRecord.Decision d = TestCalls.queryAll(directory).get(0).decision();
        assertEquals("中继-北京", d.trunkId());
        assertEquals("\"张三 😀\" <sip:95555@x>", d.rawFrom());
        assertEquals("2001:db8:0:0:0:0:0:1", d.sourceAddress());
        assertEquals(5061, d.sourcePort());
        assertNull(d.rawAssertedIdentity());
        assertNull(d.to());
        assertEquals("x".repeat(TraceFormat.MAX_FIELD_BYTES), d.rawTo());
        assertEquals(603, d.responseStatus());
    }

    @Test
    void multiByteCharactersAreNeverCutInHalf() throws Exception {
        String chinese = "号".repeat(TraceFormat.MAX_FIELD_BYTES);
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            writer.decision(new CallDecision().time(1).callId("cut").from(chinese, null).verdict(TestCalls.SPOOF));
        }
        String read = TestCalls.queryAll(directory).get(0).decision().rawFrom();
        assertEquals("号".repeat(TraceFormat.MAX_FIELD_BYTES / 3), read);
    }

    private List<String> ids(TraceCriteria criteria) throws Exception {
        List<String> ids = new ArrayList<>();
        for (CallTrace trace : TestCalls.query(directory, criteria, new ArrayList<>())) {
            ids.add(trace.decision().callId());
        }
        return ids;
    }
}
