package org.trunkguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/** Every configurable rule with a non-default action; REPORT never decides a call. */
class ConfiguredActionsTest {

    @TempDir
    static Path temp;
    static NumberAuthority authority;
    static CallerIdScreen screen;

    @BeforeAll
    static void load() throws Exception {
        CallerIdSettings settings = TestAuthorities.settingsIn(temp)
                .withAction(CallerIdRules.SEGMENT_OWNERSHIP, RuleAction.MARK)
                .withAction(CallerIdRules.OVERSEAS_CN_SPOOF, RuleAction.REPORT)
                .withAction(CallerIdRules.IRREGULAR_NUMBER, RuleAction.reject(484))
                .withAction(CallerIdRules.ANONYMOUS_CALLER, RuleAction.parse("reject 433"))
                .withAction(CallerIdRules.CALLER_BLOCKLIST, RuleAction.parse("REPORT"));
        authority = NumberAuthority.load(settings);
        screen = authority.screen();
    }

    @AfterAll
    static void close() {
        authority.close();
    }

    private static Verdict judge(TrunkProfile trunk, String fromUri) {
        return screen.screen(trunk, CallerIdScreenTest.from(fromUri));
    }

    @Test
    void segmentOwnershipMarks() {
        Verdict verdict = judge(CallerIdScreenTest.DEMO_PBX, "sip:01066661234@pbx");
        assertEquals(Action.MARK, verdict.action());
        assertEquals(CallerIdRules.SEGMENT_OWNERSHIP, verdict.ruleId());
    }

    @Test
    void overseasSpoofIsReportedOnly() {
        Verdict verdict = judge(CallerIdScreenTest.GATEWAY, "sip:+8613812345678@gw");
        assertEquals(Action.ALLOW, verdict.action());
        assertEquals(CallerIdRules.OVERSEAS_CN_SPOOF, verdict.ruleId());
    }

    @Test
    void irregularAndAnonymousUseTheirConfiguredStatus() {
        assertEquals(484, judge(CallerIdScreenTest.PEER, "sip:1381234567@peer").sipStatus());
        assertEquals(433, judge(CallerIdScreenTest.PEER, "sip:anonymous@anonymous.invalid").sipStatus());
    }

    @Test
    void aReportedRuleGivesWayToALaterDecisiveOne() {
        // Block-listed (report) and outside ent-demo's segments (mark): the mark decides.
        CallIdentity call = CallIdentity.of("sip:13700000666@pbx", List.of(), null, null, "sip:13912345678@core");
        assertEquals(Action.MARK, screen.screen(CallerIdScreenTest.DEMO_PBX, call).action());
        Verdict onlyReported = judge(CallerIdScreenTest.PEER, "sip:13700000666@peer");
        assertEquals(Action.ALLOW, onlyReported.action());
        assertEquals(CallerIdRules.CALLER_BLOCKLIST, onlyReported.ruleId());
    }

    @Test
    void settingsRefuseUnknownRulesAndBadActions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CallerIdSettings.defaults(Path.of("conf"), Path.of("store"))
                        .withAction("segment-owner", RuleAction.MARK));
        assertTrue(unknown.getMessage().contains("segment-owner"));
        assertThrows(IllegalArgumentException.class, () -> new CallerIdSettings(Path.of("a"), Path.of("b"),
                Path.of("c"), Path.of("d"), Path.of("e"), Path.of("f"), Map.of("emergency-call", RuleAction.MARK)));
        assertEquals("reject 603", RuleAction.parse(" Reject  603 ").toString());
        assertEquals("action must be 'reject <status 400-699>', 'mark' or 'report', got 'reject'",
                assertThrows(IllegalArgumentException.class, () -> RuleAction.parse("reject")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleAction.parse("reject 200"));
        assertThrows(IllegalArgumentException.class,
                () -> new TrunkProfile("pbx", TrunkKind.ENTERPRISE, null, false));
    }
}
