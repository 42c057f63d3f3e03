package org.trunkguard.cli;

import java.util.concurrent.Callable;
import org.trunkguard.config.ConfigException;
import org.trunkguard.config.ProxyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Validates a configuration file: exit 0 when valid, 1 with file:line: key: problem otherwise. */
@Command(name = "check-config", description = "Check a configuration file and exit 0 when it is valid.")
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        try {
            ProxyConfig loaded = config.load();
            System.out.println(config.file + ": valid (" + loaded.trunks().size() + " trunks)");
            return 0;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
