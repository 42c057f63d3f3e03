package org.trunkguard.numbers;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code numberplan.yaml} into {@link Facts}, collecting every problem with its line. */
final class NumberPlanLoader {

    private static final List<String> TOP_KEYS = List.of("countryCode", "internationalPrefix", "mobile",
            "fixedLine", "service95", "service96", "freephone", "shortCodes", "emergency");

    /** The plan's facts as read, before {@link NumberPlan} turns them into lookup tables. */
    static final class Facts {
        String countryCode;
        String internationalPrefix;
        List<String> mobilePrefixes;
        int mobileLength;
        String trunkPrefix;
        boolean[] twoDigitAreaCodes = new boolean[100];
        boolean[] threeDigitAreaCodes = new boolean[1000];
        int localLengths;
        boolean[] localForbiddenFirstDigit = new boolean[10];
        String service95Prefix;
        int service95Lengths;
        List<String> service95BlockPrefixes;
        int service95BlockLengths;
        String service96Prefix;
        int service96Lengths;
        List<String> freephonePrefixes;
        int freephoneLength;
        List<String> shortCodePrefixes;
        int shortCodeLength;
        List<String> emergencyNumbers;
    }

    private NumberPlanLoader() {
    }

    static Facts read(Path file) throws InvalidFileException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<Node> document = new Compose(LoadSettings.builder().setLabel(file.toString()).build())
                    .composeReader(reader);
            if (document.isEmpty()) {
                throw new InvalidFileException(new FileProblem(file, 0, "empty number plan"));
            }
            root = document.get();
        } catch (IOException e) {
            throw new InvalidFileException(new FileProblem(file, 0, "cannot read: " + e.getMessage()));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new InvalidFileException(new FileProblem(file, line, "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            throw new InvalidFileException(new FileProblem(file, 0, "not valid YAML: " + e.getMessage()));
        }
        YamlNodes yaml = new YamlNodes(file);
        Facts facts = readFacts(yaml, root);
        if (!yaml.problems().isEmpty()) {
            throw new InvalidFileException(yaml.problems());
        }
        return facts;
    }

    private static Facts readFacts(YamlNodes yaml, Node root) {
        yaml.rejectUnknownKeys(root, TOP_KEYS);
        Facts facts = new Facts();
        facts.countryCode = yaml.digits(root, "countryCode");
        facts.internationalPrefix = yaml.digits(root, "internationalPrefix");
        Node mobile = yaml.child(root, "mobile");
        if (mobile != null) {
            facts.mobilePrefixes = yaml.digitList(mobile, "prefixes");
            facts.mobileLength = yaml.integer(mobile, "length", 3, NumberDigits.MAX_CODE_DIGITS);
        }
        Node fixed = yaml.child(root, "fixedLine");
        if (fixed != null) {
            readFixedLine(yaml, fixed, facts);
        }
        Node service95 = yaml.child(root, "service95");
        if (service95 != null) {
            facts.service95Prefix = yaml.digits(service95, "prefix");
            facts.service95Lengths = yaml.lengths(service95, "lengths");
            facts.service95BlockPrefixes = yaml.digitList(service95, "blockPrefixes");
            facts.service95BlockLengths = yaml.lengths(service95, "blockLengths");
        }
        Node service96 = yaml.child(root, "service96");
        if (service96 != null) {
            facts.service96Prefix = yaml.digits(service96, "prefix");
            facts.service96Lengths = yaml.lengths(service96, "lengths");
        }
        Node freephone = yaml.child(root, "freephone");
        if (freephone != null) {
            facts.freephonePrefixes = yaml.digitList(freephone, "prefixes");
            facts.freephoneLength = yaml.integer(freephone, "length", 3, NumberDigits.MAX_CODE_DIGITS);
        }
        Node shortCodes = yaml.child(root, "shortCodes");
        if (shortCodes != null) {
            facts.shortCodePrefixes = yaml.digitList(shortCodes, "prefixes");
            facts.shortCodeLength = yaml.integer(shortCodes, "length", 3, NumberDigits.MAX_CODE_DIGITS);
        }
        facts.emergencyNumbers = yaml.digitList(root, "emergency");
        return facts;
    }

    private static void readFixedLine(YamlNodes yaml, Node fixed, Facts facts) {
        facts.trunkPrefix = yaml.digits(fixed, "trunkPrefix");
        if (facts.trunkPrefix.length() != 1) {
            yaml.problem(fixed, "trunkPrefix must be one digit");
        }
        for (Node item : yaml.list(fixed, "twoDigitAreaCodes")) {
            markCodes(yaml, item, 2, facts.twoDigitAreaCodes);
        }
        for (Node item : yaml.list(fixed, "threeDigitAreaCodes")) {
            markCodes(yaml, item, 3, facts.threeDigitAreaCodes);
        }
        facts.localLengths = yaml.lengths(fixed, "localLengths");
        Node forbidden = yaml.child(fixed, "localForbiddenFirstDigits");
        if (forbidden != null) {
            for (char c : yaml.digitsOf(forbidden, "localForbiddenFirstDigits").toCharArray()) {
                facts.localForbiddenFirstDigit[c - '0'] = true;
            }
        }
    }

    /** Marks an area code ("571") or an inclusive range ("570-580") of the given digit count. */
    private static void markCodes(YamlNodes yaml, Node item, int digits, boolean[] codes) {
        String text = item instanceof ScalarNode scalar ? scalar.getValue() : "";
        String pattern = digits == 2 ? "\\d{2}(-\\d{2})?" : "\\d{3}(-\\d{3})?";
        if (!text.matches(pattern)) {
            yaml.problem(item, "area code must be " + digits + " digits or a range like "
                    + (digits == 2 ? "20-29" : "570-580") + ", got '" + text + "'");
            return;
        }
        int first = Integer.parseInt(text.substring(0, digits));
        int last = text.length() > digits ? Integer.parseInt(text.substring(digits + 1)) : first;
        if (first > last) {
            yaml.problem(item, "area code range " + text + " runs backwards");
            return;
        }
        for (int code = first; code <= last; code++) {
            codes[code] = true;
        }
    }
}
