package org.trunkguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/** Each rule with its default action (conf/ as shipped, plus small lists). */
class CallerIdScreenTest {

    static final TrunkProfile DEMO_PBX = new TrunkProfile("demo-pbx", TrunkKind.ENTERPRISE, "ent-demo", false);
    static final TrunkProfile GATEWAY = new TrunkProfile("intl-gw", TrunkKind.INTERNATIONAL, null, false);
    static final TrunkProfile PEER = new TrunkProfile("peer", TrunkKind.INTERCARRIER, null, false);
    static final TrunkProfile OPEN_PEER = new TrunkProfile("open-peer", TrunkKind.INTERCARRIER, null, true);
    static final String CALLEE = "sip:13912345678@core.example";

    @TempDir
    static Path temp;
    static NumberAuthority authority;
    static CallerIdScreen screen;

    @BeforeAll
    static void load() throws Exception {
        authority = NumberAuthority.load(TestAuthorities.settingsIn(temp));
        screen = authority.screen();
    }

    @AfterAll
    static void close() {
        authority.close();
    }

    static CallIdentity from(String fromUri, String... assertedIdentities) {
        return CallIdentity.of(fromUri, List.of(assertedIdentities), null, null, CALLEE);
    }

    @Test
    void enterpriseCallerInItsSegmentsPasses() {
        CallIdentity call = from("sip:01055551234@pbx.demo", "sip:+861055551234@pbx.demo;user=phone");
        assertSame(Verdict.ALLOW, screen.screen(DEMO_PBX, call));
        assertEquals("01055551234", call.callerNumber().canonical());
        assertTrue(call.callerSegmentLine() > 0);
        assertSame(Verdict.ALLOW, screen.screen(DEMO_PBX, from("tel:400-800-1234")));
        assertSame(Verdict.ALLOW, screen.screen(DEMO_PBX, from("sip:95588@pbx.demo")));
    }

    @Test
    void enterpriseCallerOutsideItsSegmentsIsRejected403() {
        Verdict verdict = screen.screen(DEMO_PBX, from("sip:01066661234@pbx.demo"));
        assertEquals(Action.REJECT, verdict.action());
        assertEquals(CallerIdRules.SEGMENT_OWNERSHIP, verdict.ruleId());
        assertEquals(403, verdict.sipStatus());
        assertEquals("calling number is not in the enterprise's allocated segments", verdict.reason());
    }

    @Test
    void transparentPassThroughOfAnotherNumberIsRejected() {
        // PAI in the segment but From presents someone else's number (透传).
        Verdict verdict = screen.screen(DEMO_PBX, from("sip:13812345678@pbx.demo", "sip:01055551234@pbx.demo"));
        assertEquals(CallerIdRules.SEGMENT_OWNERSHIP, verdict.ruleId());
        assertTrue(verdict.reason().contains("disagree"), verdict.reason());
        CallIdentity withRemoteParty = CallIdentity.of("sip:01055551234@pbx", List.of(), "<sip:01055551235@pbx>",
                null, CALLEE);
        assertEquals(Action.REJECT, screen.screen(DEMO_PBX, withRemoteParty).action());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:+8613812345678@gw", "sip:008613812345678@gw", "sip:8613812345678@gw",
        "sip:13812345678@gw", "tel:+86-10-5555-0000", "sip:01055550000@gw"})
    void domesticCallerOnAnInternationalTrunkIsASpoof(String fromUri) {
        Verdict verdict = screen.screen(GATEWAY, from(fromUri));
        assertEquals(Action.REJECT, verdict.action());
        assertEquals(CallerIdRules.OVERSEAS_CN_SPOOF, verdict.ruleId());
        assertEquals(403, verdict.sipStatus());
    }

    @Test
    void foreignCallersAndRoamingSubscribersPassTheInternationalTrunk() {
        assertSame(Verdict.ALLOW, screen.screen(GATEWAY, from("sip:+14155550123@gw")));
        assertSame(Verdict.ALLOW, screen.screen(GATEWAY, from("sip:00442071234567@gw")));
        assertSame(Verdict.ALLOW, screen.screen(GATEWAY, from("sip:+8613900000001@gw")));
        assertEquals(CallerIdRules.OVERSEAS_CN_SPOOF,
                screen.screen(GATEWAY, from("sip:+14155550123@gw", "sip:+8613812345678@gw")).ruleId());
    }

    @Test
    void irregularCallerIsRejectedWithTheNormalisersReason() {
        CallIdentity call = from("sip:1381234567@peer");
        Verdict verdict = screen.screen(PEER, call);
        assertEquals(CallerIdRules.IRREGULAR_NUMBER, verdict.ruleId());
        assertEquals(403, verdict.sipStatus());
        assertEquals("irregular calling number: mobile number has 10 digits, needs 11", verdict.reason());
        assertSame(verdict, screen.screen(PEER, from("tel:138-1234-567")), "verdicts are cached by reason");
        assertEquals("irregular calling number: unknown area code 0400",
                screen.screen(PEER, from("sip:04001234567@peer")).reason());
    }

    @Test
    void anonymousCallersFollowTheTrunkPolicy() {
        CallIdentity anonymous = from("\"Anonymous\" <sip:anonymous@anonymous.invalid>");
        assertEquals(CallerIdRules.ANONYMOUS_CALLER, screen.screen(PEER, anonymous).ruleId());
        assertEquals(403, screen.screen(PEER, anonymous).sipStatus());
        assertNull(anonymous.callerNumber());
        assertSame(Verdict.ALLOW, screen.screen(OPEN_PEER, anonymous));

        CallIdentity hidden = CallIdentity.of("sip:anonymous@anonymous.invalid", List.of("sip:13812345678@peer"),
                null, "id", CALLEE);
        assertEquals(CallerIdRules.ANONYMOUS_CALLER, screen.screen(PEER, hidden).ruleId());
        assertSame(Verdict.ALLOW, screen.screen(OPEN_PEER, hidden));
        assertEquals("13812345678", hidden.callerNumber().canonical(), "the asserted identity is still judged");

        CallIdentity missing = CallIdentity.of(null, List.of(), null, null, CALLEE);
        assertEquals(CallerIdRules.ANONYMOUS_CALLER, screen.screen(PEER, missing).ruleId());
        assertEquals(CallerIdRules.ANONYMOUS_CALLER,
                screen.screen(PEER, CallIdentity.of("sip:13812345678@peer", List.of(), null, "user; id", CALLEE))
                        .ruleId());
        assertSame(Verdict.ALLOW,
                screen.screen(PEER, CallIdentity.of("sip:13812345678@peer", List.of(), null, "none", CALLEE)));
    }

    @Test
    void blockListedIdentityIsRejected603() {
        Verdict verdict = screen.screen(PEER, from("sip:13800001111@peer", "tel:137-0000-0666"));
        assertEquals(CallerIdRules.CALLER_BLOCKLIST, verdict.ruleId());
        assertEquals(603, verdict.sipStatus());
        assertEquals(603, screen.screen(PEER, from("sip:+8613700000666@peer")).sipStatus());
    }

    @Test
    void allowListShortCircuitsEvenOnAnInternationalTrunk() {
        Verdict verdict = screen.screen(GATEWAY, from("sip:13800000888@gw"));
        assertEquals(Action.ALLOW, verdict.action());
        assertEquals(CallerIdRules.CALLER_ALLOWLIST, verdict.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:110@core", "sip:119@core", "sip:120@core", "sip:122@core", "tel:112"})
    void emergencyCallsAreNeverBlocked(String requestUri) {
        CallIdentity blocked = CallIdentity.of("sip:+8613700000666@gw", List.of(), null, "id", requestUri);
        Verdict verdict = screen.screen(GATEWAY, blocked);
        assertEquals(Action.ALLOW, verdict.action());
        assertEquals(CallerIdRules.EMERGENCY_CALL, verdict.ruleId());
        assertEquals(CallerIdRules.EMERGENCY_CALL,
                screen.screen(PEER, CallIdentity.of(null, List.of(), null, null, requestUri)).ruleId());
    }

    @Test
    void intercarrierTrunkChecksNoSegments() {
        assertSame(Verdict.ALLOW, screen.screen(PEER, from("sip:01066661234@peer")));
    }
}
