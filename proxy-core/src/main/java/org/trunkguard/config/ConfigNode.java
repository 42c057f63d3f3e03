package org.trunkguard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node that remembers where it came from, so that every value read through it can be
 * refused with file, line and key. Typed getters validate ranges; {@link #allowOnly} turns a
 * misspelt key into an error instead of a silently ignored setting.
 */
public final class ConfigNode {
    private final String file;
    private final String path;
    private final Node node;

    ConfigNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    public ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    /** The child mapping at {@code key}, or null when absent. */
    public ConfigNode child(String key) throws ConfigException {
        Node value = entries().get(key);
        return value == null ? null : new ConfigNode(file, join(key), value);
    }

    public boolean has(String key) throws ConfigException {
        return entries().containsKey(key);
    }

    public String string(String key, String defaultValue) throws ConfigException {
        ConfigNode child = child(key);
        return child == null ? defaultValue : child.scalar();
    }

    public String requiredString(String key) throws ConfigException {
        ConfigNode child = child(key);
        if (child == null) {
            throw error("missing required key " + key);
        }
        return child.scalar();
    }

    public int integer(String key, int defaultValue, int min, int max) throws ConfigException {
        ConfigNode child = child(key);
        if (child == null) {
            return defaultValue;
        }
        String text = child.scalar();
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw child.error("must be " + min + ".." + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw child.error("must be a whole number, got '" + text + "'");
        }
    }

    /** A duration such as 500ms, 5s, 10m, 24h or 7d. */
    public java.time.Duration duration(String key, java.time.Duration defaultValue) throws ConfigException {
        ConfigNode child = child(key);
        if (child == null) {
            return defaultValue;
        }
        String text = child.scalar().trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(text);
        if (!m.matches()) {
            throw child.error("must be a duration such as 500ms, 5s, 10m, 24h or 7d, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofDays(n);
        };
    }

    public double decimal(String key, double defaultValue, double min, double max) throws ConfigException {
        ConfigNode child = child(key);
        if (child == null) {
            return defaultValue;
        }
        String text = child.scalar();
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value >= min && value <= max)) {
                throw child.error("must be " + min + ".." + max + ", got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw child.error("must be a number, got '" + text + "'");
        }
    }

    /** The scalars of the list at {@code key}; empty when absent. */
    public java.util.List<String> strings(String key) throws ConfigException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (ConfigNode item : list(key)) {
            out.add(item.scalar());
        }
        return out;
    }

    /** The keys of this mapping, in file order. */
    public java.util.Set<String> keys() throws ConfigException {
        return entries().keySet();
    }

    public boolean bool(String key, boolean defaultValue) throws ConfigException {
        ConfigNode child = child(key);
        if (child == null) {
            return defaultValue;
        }
        String text = child.scalar();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw child.error("must be true or false, got '" + text + "'");
    }

    /** The sequence at {@code key}; empty when absent. */
    public List<ConfigNode> list(String key) throws ConfigException {
        ConfigNode child = child(key);
        if (child == null) {
            return List.of();
        }
        if (!(child.node instanceof SequenceNode seq)) {
            throw child.error("must be a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new ConfigNode(file, child.path + "[" + i + "]", seq.getValue().get(i)));
        }
        return out;
    }

    public String scalar() throws ConfigException {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("must be a single value");
        }
        return scalar.getValue();
    }

    /** Refuses any key not in {@code known}: a typo must not become a silently ignored setting. */
    public void allowOnly(Set<String> known) throws ConfigException {
        for (NodeTuple tuple : mapping().getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!known.contains(key)) {
                throw new ConfigNode(file, join(key), tuple.getKeyNode()).error("unknown key (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private Map<String, Node> entries() throws ConfigException {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping().getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error("keys must be plain names");
            }
            if (out.put(key.getValue(), tuple.getValueNode()) != null) {
                throw new ConfigNode(file, join(key.getValue()), key).error("key given twice");
            }
        }
        return out;
    }

    private MappingNode mapping() throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw error("must be a mapping of keys to values");
        }
        return mapping;
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
