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
