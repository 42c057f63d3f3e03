package org.trunkguard.proxy.trunk;

import java.net.InetSocketAddress;
import java.util.List;
import org.trunkguard.auth.TrunkKind;
import org.trunkguard.behaviour.TrunkContract;
import org.trunkguard.sip.Transport;

/**
 * A SIP peer known by its source addresses. {@code nextHop} is set only for the CORE trunk:
 * it is the one place new calls are sent.
 *
 * @param enterpriseId the enterprise whose segments an ENTERPRISE trunk may present, else null
 * @param allowAnonymous whether calls without a presentable identity (Privacy: id) may pass
 * @param category the enterprise's category for calling-hour and do-not-call rules, or null
 * @param contract the contracted calls per second, burst and concurrent calls (rate caps)
 */
public record Trunk(String id, TrunkKind kind, String enterpriseId, List<Cidr> sources,
                    InetSocketAddress nextHop, Transport nextHopTransport, boolean allowAnonymous, String category,
                    TrunkContract contract) {

    public boolean isCore() {
        return kind == TrunkKind.CORE;
    }
}
