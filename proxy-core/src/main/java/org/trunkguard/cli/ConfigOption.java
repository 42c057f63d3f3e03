package org.trunkguard.cli;

import java.nio.file.Path;
import org.trunkguard.config.ConfigException;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.config.ProxyConfigLoader;
import picocli.CommandLine.Option;

/** The --config option shared by the subcommands, and by the demo (module demo). */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "conf/trunkguard.yaml")
    Path file;

    public ProxyConfig load() throws ConfigException {
        return ProxyConfigLoader.load(file);
    }

    /** The configuration, or null after printing why it was refused ("refusing to start: file:line: key: problem"). */
    public ProxyConfig loadForStart() {
        try {
            return load();
        } catch (ConfigException e) {
            System.err.println("refusing to start: " + e.getMessage());
            return null;
        }
    }
}
