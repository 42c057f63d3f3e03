package org.trunkguard.demo;

import java.util.concurrent.Callable;
import org.trunkguard.cli.ConfigOption;
import org.trunkguard.cli.Main;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.node.TrunkguardNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * bin/trunkguard demo: starts the proxy on the configuration with a built-in caller and callee,
 * and places a few calls. Its own main, outside proxy-core's command line, because the peers are
 * JAIN-SIP user agents and a deployment's class path has no JAIN-SIP.
 */
@Command(name = "trunkguard demo", mixinStandardHelpOptions = true, version = "trunkguard 0.1.0",
        description = "Run the proxy with a built-in enterprise caller and core callee and show a few calls.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    public static void main(String[] args) {
        System.exit(Main.execute(new DemoCommand(), args));
    }

    @Override
    public Integer call() throws Exception {
        ProxyConfig loaded = config.loadForStart();
        if (loaded == null) {
            return 1;
        }
        try {
            return new Demo(loaded, System.out).run() ? 0 : 1;
        } catch (TrunkguardNode.StartException e) {
            System.err.println("refusing to start: " + e.getMessage());
            return 1;
        }
    }
}
