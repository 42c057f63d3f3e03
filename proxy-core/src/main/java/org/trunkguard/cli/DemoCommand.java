package org.trunkguard.cli;

import java.util.concurrent.Callable;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.demo.Demo;
import org.trunkguard.node.TrunkguardNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the proxy on the configuration with a built-in caller and callee, and places a few calls. */
@Command(name = "demo", description = "Run the proxy with a built-in enterprise caller and core callee and show a few calls.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

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
