package org.trunkguard.proxy.trunk;

import java.util.Locale;

/**
 * What a trunk's REGISTER requests get (trunk key {@code register}). A trunk is known by its
 * source address, so it needs no registration; one that registers anyway may register only the
 * numbers its enterprise holds, or nothing at all. No policy lets a trunk register an identity
 * its segments do not hold: a registration is a claim to receive, and later present, that number.
 */
public enum RegisterPolicy {
    /** Every REGISTER is refused with 403 (rule {@code register-policy}). */
    REFUSE,
    /**
     * The default. A REGISTER is forwarded to the core when its address-of-record (the To URI) is a
     * regular number that passes the caller-ID rules for the trunk, segment ownership included;
     * otherwise 403. Only an ENTERPRISE trunk holds segments, so other trunks can register nothing.
     */
    OWN_NUMBERS;

    /** The policy a config value names: {@code refuse} or {@code own-numbers}; null for any other. */
    public static RegisterPolicy named(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "refuse" -> REFUSE;
            case "own-numbers" -> OWN_NUMBERS;
            default -> null;
        };
    }
}
