package org.trunkguard.sip;

import java.nio.charset.StandardCharsets;

/** Parses a Request-Line or Status-Line (RFC 3261 §7.1, §7.2): single spaces, nothing extra. */
final class StartLine {
    private static final String VERSION = "SIP/2.0";

    private StartLine() {
    }

    static void parse(SipMessage msg, byte[] head, int end) {
        String line = new String(head, 0, end, StandardCharsets.UTF_8);
        if (line.startsWith("SIP/")) {
            parseStatusLine(msg, line);
        } else {
            parseRequestLine(msg, line);
        }
    }

    private static void parseStatusLine(SipMessage msg, String line) {
        msg.request = false;
        int sp = line.indexOf(' ');
        if (sp < 0 || !line.substring(0, sp).equals(VERSION)) {
            msg.markMalformed(400, "status line has an unsupported version");
            return;
        }
        int codeEnd = sp + 1;
        while (codeEnd < line.length() && HeaderText.isDigit(line.charAt(codeEnd))) {
            codeEnd++;
        }
        if (codeEnd - sp - 1 != 3 || codeEnd < line.length() && line.charAt(codeEnd) != ' ') {
            msg.markMalformed(400, "status code is not three digits");
            return;
        }
        int code = Integer.parseInt(line, sp + 1, codeEnd, 10);
        if (code < 100 || code > 699) {
            msg.markMalformed(400, "status code out of range");
            return;
        }
        msg.statusCode = code;
    }

    private static void parseRequestLine(SipMessage msg, String line) {
        msg.request = true;
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0 || sp2 == sp1 + 1 || sp2 == line.length() - 1) {
            msg.method = sp1 > 0 ? line.substring(0, sp1) : "";
            msg.requestUri = "";
            msg.markMalformed(400, "Request-Line must be Method SP Request-URI SP SIP-Version");
            return;
        }
        msg.method = Methods.intern(line, 0, sp1);
        msg.requestUri = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!HeaderText.isToken(msg.method)) {
            msg.markMalformed(400, "method is not a token");
        } else if (!version.equals(VERSION)) {
            if (version.regionMatches(true, 0, "SIP/", 0, 4)) {
                msg.markMalformed(505, "SIP version " + version.substring(4) + " not supported");
            } else {
                msg.markMalformed(400, "Request-Line has no SIP version");
            }
        }
    }
}
