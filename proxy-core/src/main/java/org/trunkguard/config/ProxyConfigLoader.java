package org.trunkguard.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.trunkguard.behaviour.BehaviourSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trunkguard.auth.TrunkKind;
import org.trunkguard.auth.TrunkProfile;
import org.trunkguard.proxy.trunk.Cidr;
import org.trunkguard.proxy.trunk.RegisterPolicy;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.SipDecoderConfig;
import org.trunkguard.sip.Transport;

/** Reads and validates conf/trunkguard.yaml; every key is described in that file. */
public final class ProxyConfigLoader {
    private static final Set<String> TOP = Set.of("proxy", "admin", "trunks", "caller-id", "behaviour", "trace");
    private static final Set<String> PROXY = Set.of("listen", "advertised-host", "socket-buffer-bytes",
            "tcp-incomplete-message-timeout-ms", "max-message-bytes", "max-header-lines", "timers",
            "max-call-minutes");
    private static final Set<String> LISTEN = Set.of("host", "udp-port", "tcp-port");
    private static final Set<String> ADMIN = Set.of("host", "port");
    private static final Set<String> TIMERS = Set.of("t1-ms", "t2-ms");
    private static final Set<String> TRUNK = Set.of("id", "kind", "sources", "enterprise", "next-hop", "transport",
            "allow-anonymous", "category", "contract", "register");

    private ProxyConfigLoader() {
    }

    public static ProxyConfig load(Path file) throws ConfigException {
        ConfigNode root = YamlFiles.read(file);
        root.allowOnly(TOP);
        ConfigNode proxy = required(root, "proxy");
        proxy.allowOnly(PROXY);
        ConfigNode listenNode = required(proxy, "listen");
        listenNode.allowOnly(LISTEN);
        ProxyConfig.Listen listen = new ProxyConfig.Listen(address(listenNode, "host", "127.0.0.1"),
                listenNode.integer("udp-port", 5060, 1, 65535), listenNode.integer("tcp-port", 5060, 1, 65535));
        String advertised = proxy.string("advertised-host", listen.host());
        ConfigNode timersNode = proxy.child("timers");
        ProxyConfig.Timers timers = new ProxyConfig.Timers(500, 4000);
        if (timersNode != null) {
            timersNode.allowOnly(TIMERS);
            timers = new ProxyConfig.Timers(timersNode.integer("t1-ms", 500, 50, 5000),
                    timersNode.integer("t2-ms", 4000, 500, 32000));
        }
        SipDecoderConfig decoder = new SipDecoderConfig(
                proxy.integer("max-message-bytes", SipDecoderConfig.DEFAULT_MAX_MESSAGE_BYTES, 4096, 1 << 20),
                proxy.integer("max-header-lines", SipDecoderConfig.DEFAULT_MAX_HEADER_LINES, 16, 4096));
        ConfigNode adminNode = required(root, "admin");
        adminNode.allowOnly(ADMIN);
        ProxyConfig.AdminEndpoint admin = new ProxyConfig.AdminEndpoint(address(adminNode, "host", "127.0.0.1"),
                adminNode.integer("port", 9060, 0, 65535));
        List<Trunk> trunks = trunks(root);
        Path dir = file.toAbsolutePath().getParent();
        ConfigNode behaviourNode = root.child("behaviour");
        // Trunk contracts stay on the trunks (each call carries its trunk's), not in the behaviour
        // settings: adding or removing a trunk then swaps the trunk table alone.
        BehaviourSettings behaviour = BehaviourConfig.read(behaviourNode);
        Path doNotCall = listFile(behaviourNode, dir, "do-not-call");
        Path consent = listFile(behaviourNode, dir, "consent");
        return new ProxyConfig(file, listen, advertised,
                proxy.integer("socket-buffer-bytes", 4 << 20, 65536, 64 << 20),
                proxy.integer("tcp-incomplete-message-timeout-ms", 10_000, 100, 600_000),
                decoder, timers, proxy.integer("max-call-minutes", 240, 1, 24 * 60), admin, trunks,
                CallerIdConfig.read(root, file), behaviour, doNotCall, consent, TraceConfig.read(root.child("trace"), dir));
    }

    private static List<Trunk> trunks(ConfigNode root) throws ConfigException {
        List<Trunk> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int cores = 0;
        for (ConfigNode t : root.list("trunks")) {
            t.allowOnly(TRUNK);
            String id = t.requiredString("id");
            if (!ids.add(id)) {
                throw t.child("id").error("trunk id '" + id + "' used twice");
            }
            TrunkKind kind = kind(t);
            List<Cidr> sources = new ArrayList<>();
            for (ConfigNode s : t.list("sources")) {
                try {
                    sources.add(Cidr.parse(s.scalar()));
                } catch (IllegalArgumentException e) {
                    throw s.error(e.getMessage());
                }
            }
            if (sources.isEmpty()) {
                throw t.error("trunk '" + id + "' needs at least one entry in sources");
            }
            String enterprise = t.string("enterprise", null);
            if (kind == TrunkKind.ENTERPRISE && (enterprise == null || enterprise.isBlank())) {
                throw t.error("ENTERPRISE trunk '" + id + "' needs an enterprise");
            }
            InetSocketAddress nextHop = null;
            if (kind == TrunkKind.CORE) {
                cores++;
                nextHop = hostPort(t.child("next-hop") == null ? null : t.child("next-hop"), t, id);
            } else if (t.has("next-hop")) {
                throw t.child("next-hop").error("only the CORE trunk has a next-hop");
            }
            Transport transport = transport(t);
            out.add(new Trunk(new TrunkProfile(id, kind, enterprise, t.bool("allow-anonymous", false)), sources, nextHop,
                    transport, t.string("category", null), BehaviourConfig.contract(t.child("contract"), null),
                    registerPolicy(t)));
        }
        if (cores != 1) {
            throw root.error("exactly one trunk of kind CORE is needed, found " + cores);
        }
        refuseOverlaps(root, out);
        return out;
    }

    private static void refuseOverlaps(ConfigNode root, List<Trunk> trunks) throws ConfigException {
        for (int i = 0; i < trunks.size(); i++) {
            for (int j = i + 1; j < trunks.size(); j++) {
                for (Cidr a : trunks.get(i).sources()) {
                    for (Cidr b : trunks.get(j).sources()) {
                        if (overlap(a, b)) {
                            throw root.child("trunks").error("sources of trunks '" + trunks.get(i).id() + "' and '"
                                    + trunks.get(j).id() + "' overlap (" + a + ", " + b + ")");
                        }
                    }
                }
            }
        }
    }

    private static boolean overlap(Cidr a, Cidr b) {
        try {
            return a.contains(InetAddress.getByAddress(b.network())) || b.contains(InetAddress.getByAddress(a.network()));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static TrunkKind kind(ConfigNode t) throws ConfigException {
        String text = t.requiredString("kind");
        try {
            return TrunkKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw t.child("kind").error("must be ENTERPRISE, INTERNATIONAL, INTERCARRIER or CORE, got '" + text + "'");
        }
    }

    private static RegisterPolicy registerPolicy(ConfigNode t) throws ConfigException {
        String text = t.string("register", "own-numbers");
        RegisterPolicy policy = RegisterPolicy.named(text);
        if (policy == null) {
            throw t.child("register").error("must be own-numbers or refuse, got '" + text + "'");
        }
        return policy;
    }

    private static Transport transport(ConfigNode t) throws ConfigException {
        String text = t.string("transport", "udp");
        try {
            return Transport.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw t.child("transport").error("must be udp or tcp, got '" + text + "'");
        }
    }

    private static InetSocketAddress hostPort(ConfigNode node, ConfigNode trunk, String id) throws ConfigException {
        if (node == null) {
            throw trunk.error("CORE trunk '" + id + "' needs a next-hop (address:port)");
        }
        String text = node.scalar();
        int colon = text.lastIndexOf(':');
        try {
            String host = text.substring(0, colon).replace("[", "").replace("]", "");
            Cidr.parse(host);
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException();
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (RuntimeException | UnknownHostException e) {
            throw node.error("must be an IP address and port such as 127.0.0.2:5080, got '" + text + "'");
        }
    }

    private static String address(ConfigNode node, String key, String defaultValue) throws ConfigException {
        String text = node.string(key, defaultValue);
        try {
            Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw node.child(key).error("must be an IP address, got '" + text + "'");
        }
        return text;
    }

    private static Path listFile(ConfigNode behaviour, Path dir, String key) throws ConfigException {
        String name = behaviour == null ? null : behaviour.string(key, null);
        return name == null ? null : dir.resolve(name).normalize();
    }

    private static ConfigNode required(ConfigNode parent, String key) throws ConfigException {
        ConfigNode child = parent.child(key);
        if (child == null) {
            throw parent.error("missing required section " + key);
        }
        return child;
    }
}
