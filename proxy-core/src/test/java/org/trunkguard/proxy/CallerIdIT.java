package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trunkguard.auth.NumberAuthority;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.sip.Transport;

/**
 * Caller-ID authentication through the proxy on the conf/ defaults, with JAIN-SIP user agents on
 * the enterprise trunk (127.0.0.10) and the international trunk (127.0.0.20): spoofed,
 * passed-through and overseas +86 identities never reach the core; legitimate ones connect.
 */
class CallerIdIT {
    private static final long WAIT = 5000;

    private NumberAuthority authority;
    private TrunkguardProxy proxy;
    private Callee callee;
    private Caller caller;

    @AfterEach
    void stop() {
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (authority != null) {
            authority.close();
        }
    }

    static Stream<Arguments> calls() {
        return Stream.of(Transport.values()).flatMap(t -> Stream.of(
                Arguments.of(t, "127.0.0.10", "01055550001", "13900000001", null, 200, "own number, national form"),
                Arguments.of(t, "127.0.0.10", "+861055550002", "13900000001", null, 200, "own number, +86 form"),
                Arguments.of(t, "127.0.0.10", "4008001234", "13900000001", null, 200, "own 400 number"),
                Arguments.of(t, "127.0.0.10", "13812345678", "13900000001", null, 403, "unallocated mobile"),
                Arguments.of(t, "127.0.0.10", "01055550001", "13900000001",
                        "P-Asserted-Identity: <sip:13812345678@127.0.0.10>", 403, "PAI outside the segments"),
                Arguments.of(t, "127.0.0.10", "01066660001", "13900000001", null, 403, "another enterprise's number"),
                Arguments.of(t, "127.0.0.10", "13812345678", "110", null, 200, "spoofed caller dialling 110"),
                Arguments.of(t, "127.0.0.20", "+8613812345678", "13900000001", null, 403, "+86 caller from abroad"),
                Arguments.of(t, "127.0.0.20", "008613812345678", "13900000001", null, 403, "0086 caller from abroad"),
                Arguments.of(t, "127.0.0.20", "+8613900139000", "13900000001", null, 200, "roaming-exempt subscriber"),
                Arguments.of(t, "127.0.0.20", "+14155550100", "13900000001", null, 200, "genuine foreign number")));
    }

    @ParameterizedTest(name = "{0} {6}: {2} -> {3} gets {5}")
    @MethodSource("calls")
    void callerIdIsJudged(Transport transport, String callerHost, String from, String to, String extraHeader,
                          int expected, String what) throws Exception {
        ProxyConfig config = TestTopology.load(transport);
        authority = NumberAuthority.load(config.callerId());
        proxy = new TrunkguardProxy(config, new CallerIdJudge(authority.screen()), e -> { }).start();
        callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, transport.uriParam());
        caller = new Caller(callerHost, 5070, transport.uriParam(), TestTopology.PROXY);
        if (extraHeader == null) {
            caller.invite(from, to);
        } else {
            caller.invite(from, to, extraHeader);
        }
        Response last = null;
        for (Response r = caller.responses.poll(WAIT, java.util.concurrent.TimeUnit.MILLISECONDS); r != null;
             r = caller.responses.poll(WAIT, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            last = r;
            if (r.getStatusCode() >= 200) {
                break;
            }
        }
        assertNotNull(last, what + ": no response");
        assertEquals(expected, last.getStatusCode(), what);
        if (expected >= 400) {
            assertNotNull(last.getHeader("Reason"), "a rejection names its rule in a Reason header");
            assertTrue(callee.requests.stream().noneMatch(e -> e.getRequest().getMethod().equals("INVITE")),
                    "a rejected call never reaches the core");
        }
    }
}
