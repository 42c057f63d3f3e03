package org.trunkguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.NormalisedNumber;

class NumberAuthorityReloadTest {

    @TempDir
    Path temp;

    private static long code(NumberAuthority authority, String number) {
        NormalisedNumber result = new NormalisedNumber();
        authority.normaliser().normalise(number, result);
        return result.code();
    }

    private static String ruleFor(CallerIdScreen screen, String fromUri) {
        return screen.screen(CallerIdScreenTest.PEER, CallerIdScreenTest.from(fromUri)).ruleId();
    }

    @Test
    void aBadFileKeepsAllRunningDataAndAGoodOneReplacesIt() throws Exception {
        CallerIdSettings settings = TestAuthorities.settingsIn(temp);
        try (NumberAuthority authority = NumberAuthority.load(settings)) {
            CallerIdScreen screen = authority.screen();
            assertEquals(CallerIdRules.CALLER_BLOCKLIST, ruleFor(screen, "sip:13700000666@peer"));

            Files.writeString(settings.blocklistFile(), "13600000111\n# fine\n1360000011\nnot a number\n");
            Files.writeString(settings.segmentsFile(), "enterprise,first,last_or_prefix,kind,note\n"
                    + "ent-new,01077770000,01077779999,FIXED_LINE,\n");
            ReloadResult refused = authority.reload();
            assertFalse(refused.applied());
            assertEquals(List.of(
                    settings.blocklistFile() + ":3: '1360000011': mobile number has 10 digits, needs 11",
                    settings.blocklistFile() + ":4: 'not a number': non-digit characters in user part"),
                    refused.problems().stream().map(FileProblem::toString).toList());
            assertEquals(CallerIdRules.CALLER_BLOCKLIST, ruleFor(screen, "sip:13700000666@peer"));
            assertEquals("allow", ruleFor(screen, "sip:13600000111@peer"));
            assertTrue(authority.segments().lineOwnedBy("ent-demo",
                    code(authority, "01055551234")) > 0, "segments untouched while a list is bad");

            Files.writeString(settings.blocklistFile(), "13600000111\n");
            ReloadResult applied = authority.reload();
            assertTrue(applied.applied(), applied.problems()::toString);
            assertFalse(applied.segments().reused());
            assertEquals("allow", ruleFor(screen, "sip:13700000666@peer"));
            assertEquals(CallerIdRules.CALLER_BLOCKLIST, ruleFor(screen, "sip:13600000111@peer"));
            assertEquals(2, authority.segments().lineOwnedBy("ent-new", code(authority, "01077771234")));
        }
    }

    @Test
    void restartReusesTheSegmentStoreAndStartupRefusesBadFiles() throws Exception {
        CallerIdSettings settings = TestAuthorities.settingsIn(temp);
        try (NumberAuthority first = NumberAuthority.load(settings)) {
            assertTrue(first.segments().currentStore() != null);
        }
        try (NumberAuthority restarted = NumberAuthority.load(settings)) {
            assertTrue(restarted.lastReload().segments().reused());
        }
        Files.writeString(settings.numberPlanFile(), "countryCode: \"86\"\ninternationalPrefix: [\n");
        InvalidFileException refused = assertThrows(InvalidFileException.class, () -> NumberAuthority.load(settings));
        assertTrue(refused.getMessage().startsWith(settings.numberPlanFile() + ":"), refused.getMessage());
    }

    @Test
    void reloadWithNewSettingsPutsNewRuleActionsInForce() throws Exception {
        CallerIdSettings settings = TestAuthorities.settingsIn(temp);
        try (NumberAuthority authority = NumberAuthority.load(settings)) {
            CallerIdScreen screen = authority.screen();
            var before = screen.screen(CallerIdScreenTest.PEER, CallerIdScreenTest.from("sip:13700000666@peer"));
            assertEquals(org.trunkguard.verdict.Action.REJECT, before.action());
            ReloadResult result = authority.reload(settings.withAction(CallerIdRules.CALLER_BLOCKLIST, RuleAction.MARK));
            assertTrue(result.applied(), result.problems().toString());
            var after = screen.screen(CallerIdScreenTest.PEER, CallerIdScreenTest.from("sip:13700000666@peer"));
            assertEquals(org.trunkguard.verdict.Action.MARK, after.action(), "the same screen follows the reload");
        }
    }

    @Test
    void reloadRefusesAnotherStoreFolder() throws Exception {
        CallerIdSettings settings = TestAuthorities.settingsIn(temp);
        try (NumberAuthority authority = NumberAuthority.load(settings)) {
            CallerIdSettings moved = new CallerIdSettings(settings.numberPlanFile(), settings.segmentsFile(),
                    temp.resolve("elsewhere"), settings.roamingExemptFile(), settings.blocklistFile(),
                    settings.allowlistFile(), settings.ruleActions());
            ReloadResult result = authority.reload(moved);
            assertFalse(result.applied());
            assertTrue(result.problems().get(0).reason().contains("cannot change without a restart"));
        }
    }
}
