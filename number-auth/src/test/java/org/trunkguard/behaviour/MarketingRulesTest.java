package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.verdict.Verdict;

class MarketingRulesTest {

    @TempDir
    Path dir;

    private final CallScript script = new CallScript(BehaviourSettings.DEFAULTS);

    private Verdict marketing(String enterprise, String callee) {
        return script.guard.judge(script.attempt("t1", enterprise, "95501", callee, "marketing"));
    }

    @Test
    void marketingOnlyInWorkingHoursOutsideTheLunchBreak() {
        assertEquals(Verdict.ALLOW, marketing("ins", "13900000001"));
        script.clock.advance(3 * 3_600_000L);
        Verdict lunch = marketing("ins", "13900000002");
        assertEquals(RuleIds.CALLING_HOURS, lunch.ruleId());
        assertEquals(603, lunch.sipStatus());
        script.clock.advance(4 * 24 * 3_600_000L - 3 * 3_600_000L);
        assertEquals(RuleIds.CALLING_HOURS, marketing("ins", "13900000003").ruleId());
        assertEquals(Verdict.ALLOW, script.guard.judge(script.attempt("t1", null, "13800000000", "13900000004", null)));
    }

    @Test
    void doNotCallHonoursCategoryAndConsent() throws Exception {
        Path dnc = write("dnc.csv", "# refused\n13900000001\n13900000002, finance  # only finance\n\n");
        Path consent = write("consent.csv", "13900000001,ins\n");
        script.guard.replaceLists(DoNotCallList.load(dnc), ConsentList.load(consent));
        assertEquals(RuleIds.DO_NOT_CALL, marketing("other", "13900000001").ruleId());
        assertEquals(Verdict.ALLOW, marketing("ins", "13900000001"));
        assertEquals(Verdict.ALLOW, marketing("other", "13900000002"));
        Verdict finance = script.guard.judge(script.attempt("t1", "bank", "95501", "13900000002", "finance"));
        assertEquals(RuleIds.DO_NOT_CALL, finance.ruleId());
        assertEquals(Verdict.ALLOW, script.guard.judge(script.attempt("t1", null, "13800000000", "13900000001", null)));
    }

    @Test
    void badListLinesNameFileAndLine() throws Exception {
        Path dnc = write("dnc.csv", "13900000001\n1390000x001\n");
        ListFileException error = assertThrows(ListFileException.class, () -> DoNotCallList.load(dnc));
        assertEquals(dnc + ":2: '1390000x001' is not a national number (3 to 17 digits)", error.getMessage());
        Path consent = write("consent.csv", "13900000001\n");
        error = assertThrows(ListFileException.class, () -> ConsentList.load(consent));
        assertEquals(consent + ":1: missing enterprise id after the number", error.getMessage());
        Path missing = dir.resolve("none.csv");
        error = assertThrows(ListFileException.class, () -> DoNotCallList.load(missing));
        assertTrue(error.getMessage().startsWith(missing + ": cannot read"), error.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
