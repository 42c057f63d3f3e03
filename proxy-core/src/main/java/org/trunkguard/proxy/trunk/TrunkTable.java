package org.trunkguard.proxy.trunk;

import java.net.InetAddress;
import java.util.List;

/**
 * Source address to trunk. Trunks are few (tens), so a scan in configuration order is both
 * simple and fast; the most specific match is not needed because overlapping sources are refused
 * when the configuration is loaded.
 */
public final class TrunkTable {
    private final List<Trunk> trunks;
    private final Trunk core;

    public TrunkTable(List<Trunk> trunks) {
        this.trunks = List.copyOf(trunks);
        this.core = trunks.stream().filter(Trunk::isCore).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CORE trunk"));
    }

    /** The trunk the address belongs to, or null for an unknown source. */
    public Trunk classify(InetAddress source) {
        for (Trunk trunk : trunks) {
            for (Cidr cidr : trunk.sources()) {
                if (cidr.contains(source)) {
                    return trunk;
                }
            }
        }
        return null;
    }

    public Trunk core() {
        return core;
    }

    public List<Trunk> all() {
        return trunks;
    }
}
