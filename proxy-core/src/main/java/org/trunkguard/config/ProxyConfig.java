package org.trunkguard.config;

import java.nio.file.Path;
import java.util.List;
import org.trunkguard.auth.CallerIdSettings;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.SipDecoderConfig;

/**
 * The whole validated configuration of one proxy. Built only by {@link ProxyConfigLoader}, so a
 * ProxyConfig that exists is one that passed every check.
 */
public record ProxyConfig(
        Path file,
        Listen listen,
        String advertisedHost,
        int socketBufferBytes,
        int tcpIncompleteTimeoutMillis,
        SipDecoderConfig decoder,
        Timers timers,
        int maxCallMinutes,
        Listen admin,
        List<Trunk> trunks,
        CallerIdSettings callerId) {

    /** Where sockets bind. */
    public record Listen(String host, int udpPort, int tcpPort) {
    }

    /** RFC 3261 §17 timer values. */
    public record Timers(int t1Millis, int t2Millis) {
        /** Timer B, F, H: 64·T1. */
        public long transactionTimeoutMillis() {
            return 64L * t1Millis;
        }
    }
}
