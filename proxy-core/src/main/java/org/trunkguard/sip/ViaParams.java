package org.trunkguard.sip;

/** The parameters of one Via value: each must be token [= token / host / quoted], never empty. */
final class ViaParams {
    String branch;
    boolean rport;
    String received;
    String invalidReason;

    static ViaParams parse(String value, int firstSemicolon) {
        ViaParams p = new ViaParams();
        if (firstSemicolon < 0) {
            return p;
        }
        String[] parts = value.substring(firstSemicolon + 1).split(";", -1);
        for (String raw : parts) {
            String param = raw.trim();
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim();
            String val = eq < 0 ? null : param.substring(eq + 1).trim();
            if (!HeaderText.isToken(name)) {
                p.invalidReason = "Via has an empty or malformed parameter";
                return p;
            }
            if (val != null && val.isEmpty()) {
                p.invalidReason = "Via parameter " + name + " has an empty value";
                return p;
            }
            if (val != null && !validValue(val)) {
                p.invalidReason = "Via parameter " + name + " has a malformed value";
                return p;
            }
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "branch" -> p.branch = val;
                case "rport" -> p.rport = true;
                case "received" -> p.received = val;
                default -> { }
            }
        }
        return p;
    }

    private static boolean validValue(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            return true;
        }
        if (v.charAt(0) == '[') {
            return v.charAt(v.length() - 1) == ']';
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!HeaderText.isTokenChar(c) && c != ':') {
                return false;
            }
        }
        return true;
    }
}
