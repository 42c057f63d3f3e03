package org.trunkguard.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.trunkguard.config.ConfigException;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.auth.NumberAuthority;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.proxy.CallerIdJudge;
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
        NumberAuthority authority;
        try {
            authority = NumberAuthority.load(loaded.callerId());
        } catch (InvalidFileException e) {
            System.err.println("refusing to start: " + e.getMessage());
            return 1;
        }
        TrunkguardProxy proxy;
        try {
            proxy = new TrunkguardProxy(loaded, new CallerIdJudge(authority.screen(), loaded.trunks()), event -> { }).start();
        } catch (Exception e) {
            authority.close();
            System.err.println("cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            authority.close();
            stopped.countDown();
        }, "trunkguard-shutdown"));
        stopped.await();
        return 0;
    }
}
