package org.trunkguard.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.node.TrunkguardNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/**
 * Runs the proxy in the foreground. SIGTERM or SIGINT shut it down cleanly; SIGHUP reloads the
 * configuration and data files (an invalid file is refused and the running configuration stays).
 */
@Command(name = "run", description = "Run the proxy in the foreground (SIGHUP reloads, SIGTERM stops).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        ProxyConfig loaded = config.loadForStart();
        if (loaded == null) {
            return 1;
        }
        TrunkguardNode node;
        try {
            node = TrunkguardNode.start(loaded, TrunkguardNode.NodeObservers.NONE);
        } catch (TrunkguardNode.StartException e) {
            System.err.println("refusing to start: " + e.getMessage());
            return 1;
        }
        ExecutorService reloads = Executors.newSingleThreadExecutor(r -> new Thread(r, "trunkguard-reload"));
        Signal.handle(new Signal("HUP"), signal -> reloads.submit(node::reload));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reloads.shutdownNow();
            node.close();
            stopped.countDown();
        }, "trunkguard-shutdown"));
        stopped.await();
        return 0;
    }
}
