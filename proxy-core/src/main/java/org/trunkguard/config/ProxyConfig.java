package org.trunkguard.config;

import java.nio.file.Path;
import java.util.List;
import org.trunkguard.auth.CallerIdSettings;
import org.trunkguard.behaviour.BehaviourSettings;
import org.trunkguard.trace.TraceSettings;
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
        AdminEndpoint admin,
        List<Trunk> trunks,
        CallerIdSettings callerId,
        BehaviourSettings behaviour,
        Path doNotCallFile,
        Path consentFile,
        TraceSettings trace) {

    /** The same configuration with other trunks (tests, reload). */
    public ProxyConfig withTrunks(List<Trunk> newTrunks) {
        return new ProxyConfig(file, listen, advertisedHost, socketBufferBytes, tcpIncompleteTimeoutMillis, decoder, timers,
                maxCallMinutes, admin, newTrunks, callerId, behaviour, doNotCallFile, consentFile, trace);
    }

    public ProxyConfig withCallerId(CallerIdSettings settings) {
        return new ProxyConfig(file, listen, advertisedHost, socketBufferBytes, tcpIncompleteTimeoutMillis, decoder, timers,
                maxCallMinutes, admin, trunks, settings, behaviour, doNotCallFile, consentFile, trace);
    }

    public ProxyConfig withTimers(Timers newTimers) {
        return new ProxyConfig(file, listen, advertisedHost, socketBufferBytes, tcpIncompleteTimeoutMillis, decoder, newTimers,
                maxCallMinutes, admin, trunks, callerId, behaviour, doNotCallFile, consentFile, trace);
    }

    public ProxyConfig withTrace(TraceSettings settings) {
        return new ProxyConfig(file, listen, advertisedHost, socketBufferBytes, tcpIncompleteTimeoutMillis, decoder, timers,
                maxCallMinutes, admin, trunks, callerId, behaviour, doNotCallFile, consentFile, settings);
    }

    /** Where sockets bind. */
    public record Listen(String host, int udpPort, int tcpPort) {
    }

    /** Where the admin HTTP endpoint (metrics, health, penalty box, reload) listens. */
    public record AdminEndpoint(String host, int port) {
    }

    /** RFC 3261 §17 timer values. */
    public record Timers(int t1Millis, int t2Millis) {
        /** Timer B, F, H: 64·T1. */
        public long transactionTimeoutMillis() {
            return 64L * t1Millis;
        }
    }
}
