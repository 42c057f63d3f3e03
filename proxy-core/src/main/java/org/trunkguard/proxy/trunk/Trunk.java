package org.trunkguard.proxy.trunk;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.trunkguard.auth.TrunkKind;
import org.trunkguard.auth.TrunkProfile;
import org.trunkguard.behaviour.TrunkContract;
import org.trunkguard.sip.Transport;

/**
 * A SIP peer known by its source addresses, with everything a call on it is judged by: its
 * caller-ID profile and its contract travel with the trunk, so a call that was classified on a
 * trunk is judged by that trunk's terms even when a reload replaces or removes it meanwhile.
 * {@code nextHop} is set only for the CORE trunk: it is the one place new calls are sent.
 *
 * @param profile  id, kind, enterprise and anonymous policy: what the caller-ID rules need
 * @param category the enterprise's category for calling-hour and do-not-call rules, or null
 * @param contract the contracted calls per second, burst and concurrent calls (rate caps), or
 *                 null for the behaviour settings' default trunk contract
 * @param register what the trunk's REGISTER requests get
 */
public record Trunk(TrunkProfile profile, List<Cidr> sources, InetSocketAddress nextHop, Transport nextHopTransport,
                    String category, TrunkContract contract, RegisterPolicy register) {

    public Trunk {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(register, "register");
        sources = List.copyOf(sources);
    }

    public String id() {
        return profile.id();
    }

    public TrunkKind kind() {
        return profile.kind();
    }

    /** The enterprise whose segments an ENTERPRISE trunk may present, else null. */
    public String enterpriseId() {
        return profile.enterpriseId();
    }

    /** Whether calls without a presentable identity (Privacy: id) may pass. */
    public boolean allowAnonymous() {
        return profile.allowAnonymous();
    }

    public boolean isCore() {
        return kind() == TrunkKind.CORE;
    }

    /** This trunk with the core reached over {@code transport} (tests). */
    public Trunk withNextHopTransport(Transport transport) {
        return new Trunk(profile, sources, nextHop, transport, category, contract, register);
    }
}
