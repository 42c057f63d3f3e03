package org.trunkguard.numbers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads YAML nodes with their line numbers, so that a missing key or a wrong value is reported as
 * {@code file:line: reason} (plain loading into maps loses the lines).
 */
final class YamlNodes {

    private final Path file;
    private final List<FileProblem> problems = new ArrayList<>();

    YamlNodes(Path file) {
        this.file = file;
    }

    List<FileProblem> problems() {
        return problems;
    }

    void problem(Node at, String reason) {
        problems.add(new FileProblem(file, line(at), reason));
    }

    static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    /** The value of {@code key} in a mapping, or null after recording a problem. */
    Node child(Node mapping, String key) {
        if (!(mapping instanceof MappingNode map)) {
            problem(mapping, "expected a mapping with key '" + key + "'");
            return null;
        }
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        problem(mapping, "missing key '" + key + "'");
        return null;
    }

    /** Keys present in a mapping that the reader does not know: typos must not pass silently. */
    void rejectUnknownKeys(Node mapping, List<String> known) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode name && !known.contains(name.getValue())) {
                    problem(tuple.getKeyNode(), "unknown key '" + name.getValue() + "'");
                }
            }
        }
    }

    String digits(Node mapping, String key) {
        Node node = child(mapping, key);
        return node == null ? "0" : digitsOf(node, key);
    }

    String digitsOf(Node node, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()
                && scalar.getValue().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return scalar.getValue();
        }
        problem(node, what + " must be a string of digits");
        return "0";
    }

    int integer(Node mapping, String key, int min, int max) {
        Node node = child(mapping, key);
        return node == null ? min : integerOf(node, key, min, max);
    }

    int integerOf(Node node, String what, int min, int max) {
        if (node instanceof ScalarNode scalar) {
            try {
                int value = Integer.parseInt(scalar.getValue());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, with the line
            }
        }
        problem(node, what + " must be a whole number from " + min + " to " + max);
        return min;
    }

    List<Node> list(Node mapping, String key) {
        Node node = child(mapping, key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return sequence.getValue();
        }
        problem(node, key + " must be a non-empty list");
        return List.of();
    }

    List<String> digitList(Node mapping, String key) {
        List<String> values = new ArrayList<>();
        for (Node item : list(mapping, key)) {
            values.add(digitsOf(item, key + " entry"));
        }
        return values;
    }

    /** A set of lengths as a bit mask (see {@link NumberPlan#allows}). */
    int lengths(Node mapping, String key) {
        int mask = 0;
        for (Node item : list(mapping, key)) {
            mask |= 1 << integerOf(item, key + " entry", 1, NumberDigits.MAX_DIGITS);
        }
        return mask;
    }
}
