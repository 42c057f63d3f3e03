package org.trunkguard.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.trunkguard.config.ConfigException;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.proxy.CallJudge;
import org.trunkguard.proxy.TrunkguardProxy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the proxy in the foreground until SIGTERM or SIGINT, then shuts down cleanly. */
@Command(name = "run", description = "Run the proxy in the foreground.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        ProxyConfig loaded;
        try {
            loaded = config.load();
        } catch (ConfigException e) {
            System.err.println("refusing to start: " + e.getMessage());
            return 1;
        }
        TrunkguardProxy proxy;
        try {
            proxy = new TrunkguardProxy(loaded, CallJudge.FORWARD_ALL, event -> { }).start();
        } catch (Exception e) {
            System.err.println("cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "trunkguard-shutdown"));
        stopped.await();
        return 0;
    }
}
