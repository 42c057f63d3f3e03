package org.trunkguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The reference configuration and the README's configuration table describe the same keys: a key
 * added to one and not the other fails here (the loader itself refuses keys it does not know).
 */
class ConfigReferenceTest {
    static final Path HOME = Path.of(System.getProperty("trunkguard.home", ".."));

    @Test
    void everyKeyOfTheReferenceIsDocumentedAndEveryDocumentedKeyIsShown() throws Exception {
        Object root = new Load(LoadSettings.builder().build()).loadFromString(
                Files.readString(HOME.resolve("conf/trunkguard.yaml")));
        Set<String> inFile = new TreeSet<>();
        walk(root, "", inFile);
        assertEquals(documented(), inFile);
    }

    @Test
    void theReferenceConfigurationLoads() throws Exception {
        ProxyConfigLoader.load(HOME.resolve("conf/trunkguard.yaml"));
    }

    private static void walk(Object node, String path, Set<String> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = path.isEmpty() ? key : path + "." + key;
                if (path.equals("behaviour.policies")) {
                    child = path + ".<rule>";
                } else if (path.equals("behaviour.calling-hours")) {
                    child = path + ".<category>";
                }
                walk(e.getValue(), child, out);
            }
        } else if (node instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            for (Object item : list) {
                walk(item, path + "[]", out);
            }
        } else {
            out.add(path);
        }
    }

    private static Set<String> documented() throws IOException {
        String readme = Files.readString(HOME.resolve("README.md"));
        int start = readme.indexOf("## Configuration reference");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(readme.substring(start, end));
        Set<String> keys = new TreeSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
