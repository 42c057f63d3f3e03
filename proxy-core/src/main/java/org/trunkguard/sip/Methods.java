package org.trunkguard.sip;

/** The request methods the proxy knows; known names are shared String constants. */
public final class Methods {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String CANCEL = "CANCEL";
    public static final String BYE = "BYE";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String MESSAGE = "MESSAGE";

    private static final String[] KNOWN = {INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, "INFO", "PRACK",
        "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH"};

    private Methods() {
    }

    /** True for the methods of RFC 3261 and its common extensions. */
    public static boolean isKnown(String method) {
        for (String m : KNOWN) {
            if (m.equals(method)) {
                return true;
            }
        }
        return false;
    }

    static String intern(String line, int start, int end) {
        for (String m : KNOWN) {
            if (m.length() == end - start && line.startsWith(m, start)) {
                return m;
            }
        }
        return line.substring(start, end);
    }
}
