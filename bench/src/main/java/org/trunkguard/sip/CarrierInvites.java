package org.trunkguard.sip;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Benchmark input: INVITEs shaped like a carrier trunk's (mobile and fixed callers, display names,
 * one or two Via hops, P-Asserted-Identity, an SDP offer of about 300 bytes), seeded, and an order
 * of use drawn from a Zipf distribution so a few messages are hot and most are cold, as callers are.
 */
final class CarrierInvites {
    private static final String[] HOSTS = {"192.0.2.10", "198.51.100.7:5080", "[2001:db8::10]", "trunk1.example.com",
        "sbc-02.carrier.example.net:5060"};

    private CarrierInvites() {
    }

    static byte[][] generate(int count, long seed) {
        Random random = new Random(seed);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = invite(random, i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** {@code length} indexes into [0, n) with Zipf(s) popularity. */
    static int[] zipfOrder(int n, double s, int length, long seed) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cumulative[k] = sum;
        }
        Random random = new Random(seed);
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            order[i] = lo;
        }
        return order;
    }

    private static String invite(Random random, int n) {
        String caller = random.nextBoolean() ? "1" + (3 + random.nextInt(7)) + digits(random, 9) : "010" + digits(random, 8);
        String callee = "1" + (3 + random.nextInt(7)) + digits(random, 9);
        String viaHost = HOSTS[random.nextInt(HOSTS.length)];
        String core = HOSTS[random.nextInt(HOSTS.length)];
        String ip = "192.0.2." + (1 + random.nextInt(250));
        String sdp = "v=0\r\no=- " + digits(random, 10) + " " + digits(random, 10) + " IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 "
                + ip + "\r\nt=0 0\r\nm=audio " + (10000 + 2 * random.nextInt(10000)) + " RTP/AVP 8 0 18 101\r\n"
                + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:18 G729/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";
        StringBuilder m = new StringBuilder(1200);
        m.append("INVITE sip:").append(callee).append('@').append(core).append(";user=phone SIP/2.0\r\n");
        m.append("Via: SIP/2.0/UDP ").append(viaHost).append(";branch=z9hG4bK").append(Long.toHexString(random.nextLong() >>> 1))
                .append(";rport\r\n");
        if (random.nextBoolean()) {
            m.append("Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK").append(digits(random, 8))
                    .append(";received=203.0.113.5\r\n");
        }
        m.append("Max-Forwards: ").append(1 + random.nextInt(70)).append("\r\n");
        m.append("From: \"Acme Call Centre\" <sip:").append(caller).append('@').append(viaHost).append(";user=phone>;tag=")
                .append(Long.toHexString(random.nextLong() >>> 8)).append("\r\n");
        m.append("To: <sip:").append(callee).append('@').append(core).append(">\r\n");
        m.append("Call-ID: ").append(Long.toHexString(random.nextLong())).append('-').append(n).append("@192.0.2.10\r\n");
        m.append("CSeq: ").append(1 + random.nextInt(100000)).append(" INVITE\r\n");
        m.append("Contact: <sip:").append(caller).append('@').append(viaHost).append(">\r\n");
        m.append("P-Asserted-Identity: <sip:+86").append(caller.replaceFirst("^0", "")).append('@').append(core).append(">\r\n");
        m.append("Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE\r\nSupported: 100rel, timer\r\n");
        m.append("User-Agent: trunk-pbx/2.4\r\nContent-Type: application/sdp\r\n");
        m.append("Content-Length: ").append(sdp.length()).append("\r\n\r\n").append(sdp);
        return m.toString();
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
