package org.trunkguard.sip;

import java.util.Locale;

/** The transports trunkguard speaks. */
public enum Transport {
    UDP, TCP;

    /** The token as it appears in a Via sent-protocol and a URI transport parameter. */
    public String token() {
        return name();
    }

    public String uriParam() {
        return name().toLowerCase(Locale.ROOT);
    }
}
