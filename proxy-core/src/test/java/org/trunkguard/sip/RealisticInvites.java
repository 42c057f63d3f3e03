package org.trunkguard.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * INVITEs as carrier trunks send them: mobile and fixed-line callers, display names, tags,
 * IPv4/IPv6/domain hops, compact and long header names, P-Asserted-Identity, an SDP offer. Seeded,
 * so every run produces the same messages.
 */
final class RealisticInvites {
    private static final String[] HOSTS = {"192.0.2.10", "198.51.100.7:5080", "[2001:db8::10]", "[2001:db8::a:1]:5062",
        "trunk1.example.com", "sbc-02.carrier.example.net:5060"};
    private static final String[] DISPLAY = {"", "\"Acme Call Centre\" ", "\"\\\"Quoted\\\" name\" ", "Alice ",
        "\"张三\" "};

    private RealisticInvites() {
    }

    static List<byte[]> generate(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(invite(random, i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static String invite(Random random, int n) {
        String caller = random.nextBoolean() ? "1" + (3 + random.nextInt(7)) + digits(random, 9) : "010" + digits(random, 8);
        String callee = "1" + (3 + random.nextInt(7)) + digits(random, 9);
        String viaHost = HOSTS[random.nextInt(HOSTS.length)];
        String core = HOSTS[random.nextInt(HOSTS.length)];
        String branch = "z9hG4bK" + Long.toHexString(random.nextLong() >>> 1);
        String sdp = sdp(random);
        boolean compact = random.nextInt(4) == 0;
        List<String> headers = new ArrayList<>();
        headers.add((compact ? "v: " : "Via: ") + "SIP/2.0/" + (random.nextBoolean() ? "UDP " : "TCP ") + viaHost
                + ";branch=" + branch + (random.nextBoolean() ? ";rport" : ""));
        if (random.nextBoolean()) {
            headers.add("Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK" + digits(random, 8) + ";received=203.0.113.5");
        }
        headers.add("Max-Forwards: " + (1 + random.nextInt(70)));
        headers.add((compact ? "f: " : "From: ") + DISPLAY[random.nextInt(DISPLAY.length)] + "<sip:" + caller + "@"
                + viaHost + ";user=phone>;tag=" + Long.toHexString(random.nextLong() >>> 8));
        headers.add((compact ? "t: " : "To: ") + "<sip:" + callee + "@" + core + ">");
        headers.add((compact ? "i: " : "Call-ID: ") + Long.toHexString(random.nextLong()) + "-" + n + "@" + "192.0.2.10");
        headers.add("CSeq: " + (1 + random.nextInt(100000)) + " INVITE");
        headers.add((compact ? "m: " : "Contact: ") + "<sip:" + caller + "@" + viaHost + ">");
        if (random.nextBoolean()) {
            headers.add("P-Asserted-Identity: <sip:+86" + caller.replaceFirst("^0", "") + "@" + core + ">");
        }
        headers.add("Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE");
        headers.add("Supported: 100rel, timer");
        headers.add("User-Agent: trunk-pbx/" + random.nextInt(10) + "." + random.nextInt(10));
        headers.add((compact ? "c: " : "Content-Type: ") + "application/sdp");
        headers.add((compact ? "l: " : "Content-Length: ") + sdp.getBytes(StandardCharsets.UTF_8).length);
        StringBuilder msg = new StringBuilder("INVITE sip:").append(callee).append('@').append(core)
                .append(random.nextBoolean() ? ";user=phone" : "").append(" SIP/2.0\r\n");
        for (String h : headers) {
            msg.append(h).append("\r\n");
        }
        return msg.append("\r\n").append(sdp).toString();
    }

    private static String sdp(Random random) {
        String ip = "192.0.2." + (1 + random.nextInt(250));
        return "v=0\r\no=- " + digits(random, 10) + " " + digits(random, 10) + " IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip
                + "\r\nt=0 0\r\nm=audio " + (10000 + 2 * random.nextInt(10000)) + " RTP/AVP 8 0 18 101\r\n"
                + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:18 G729/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
