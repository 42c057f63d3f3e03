package org.trunkguard.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberPlanTest {

    @TempDir
    Path temp;

    private List<String> problemsOf(String yaml) throws Exception {
        Path file = Files.writeString(temp.resolve("plan.yaml"), yaml);
        InvalidFileException refused = assertThrows(InvalidFileException.class, () -> NumberPlan.load(file));
        return refused.problems().stream().map(p -> p.toString().replace(file.toString(), "plan.yaml")).toList();
    }

    @Test
    void mistakesAreReportedWithTheirLines() throws Exception {
        String reference = Files.readString(TestPlans.CONF.resolve("numberplan.yaml"));
        String broken = reference.replace("  length: 11\n", "  length: eleven\n")
                .replace("    - \"570-580\"   # Zhejiang\n", "    - \"580-570\"\n")
                .replace("emergency:", "emergencies:");
        List<String> problems = problemsOf(broken);
        int lengthLine = lineOf(broken, "length: eleven");
        int rangeLine = lineOf(broken, "\"580-570\"");
        int emergencyLine = lineOf(broken, "emergencies:");
        assertEquals(List.of(
                "plan.yaml:" + emergencyLine + ": unknown key 'emergencies'",
                "plan.yaml:" + lengthLine + ": length must be a whole number from 3 to 15",
                "plan.yaml:" + rangeLine + ": area code range 580-570 runs backwards",
                "plan.yaml:" + lineOf(broken, "countryCode:") + ": missing key 'emergency'"), problems);
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        List<String> problems = problemsOf("countryCode: \"86\"\nmobile: [\n");
        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).startsWith("plan.yaml:3: not valid YAML"), problems.get(0));
    }

    @Test
    void aMissingFileIsOneProblemNotAStackTrace() {
        InvalidFileException refused = assertThrows(InvalidFileException.class,
                () -> NumberPlan.load(temp.resolve("absent.yaml")));
        assertEquals(temp.resolve("absent.yaml") + ": cannot read: " + temp.resolve("absent.yaml"),
                refused.getMessage());
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }
}
