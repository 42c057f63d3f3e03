package org.trunkguard.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Reads a YAML file into a {@link ConfigNode} tree; syntax errors name the file and line. */
public final class YamlFiles {
    private YamlFiles() {
    }

    public static ConfigNode read(Path file) throws ConfigException {
        String name = file.toString();
        LoadSettings settings = LoadSettings.builder().setLabel(name).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, reader)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                throw new ConfigException(name, 0, "", "file is empty");
            }
            return new ConfigNode(name, "", root.get());
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(name, line, "", "YAML syntax: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(name, 0, "", "YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
        }
    }
}
