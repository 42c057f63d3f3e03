package org.trunkguard.load;

import java.nio.file.Path;
import org.trunkguard.auth.NumberAuthority;
import org.trunkguard.config.ConfigException;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.proxy.CallerIdJudge;
import org.trunkguard.proxy.TrunkguardProxy;

/** The proxy in the generator's JVM, started as {@code bin/trunkguard run} starts it: configuration, number authority, caller-ID judge. */
final class InProcessProxy implements AutoCloseable {
    private final NumberAuthority authority;
    private final TrunkguardProxy proxy;

    private InProcessProxy(NumberAuthority authority, TrunkguardProxy proxy) {
        this.authority = authority;
        this.proxy = proxy;
    }

    /**
     * Loads and starts the proxy on {@code configFile}.
     *
     * @throws IllegalArgumentException naming the file and line when the configuration or a data file is invalid
     */
    static InProcessProxy start(Path configFile) throws InterruptedException {
        ProxyConfig config;
        NumberAuthority authority;
        try {
            config = ProxyConfigLoader.load(configFile);
            authority = NumberAuthority.load(config.callerId());
        } catch (ConfigException | InvalidFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            TrunkguardProxy proxy = new TrunkguardProxy(config, new CallerIdJudge(authority.screen()),
                    event -> { }).start();
            return new InProcessProxy(authority, proxy);
        } catch (RuntimeException | InterruptedException e) {
            authority.close();
            throw e;
        }
    }

    /** What the proxy counted: relayed retransmissions and drops explain failures the generator sees. */
    TrunkguardProxy proxy() {
        return proxy;
    }

    @Override
    public void close() {
        proxy.close();
        authority.close();
    }
}
