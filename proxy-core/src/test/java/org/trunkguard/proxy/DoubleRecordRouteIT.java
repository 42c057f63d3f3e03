package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.message.Message;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.sip.Transport;

/**
 * Issue 13 item 3 (RFC 5658): a caller and a core on different transports each get a
 * Record-Route entry they can follow over their own transport, the core's on top; the in-dialog
 * requests that come back along them lose both entries before they are forwarded. JAIN-SIP user
 * agents on both sides over real loopback sockets, so a route set the proxy got wrong shows as an
 * ACK or BYE that never arrives.
 */
class DoubleRecordRouteIT {
    private static final long WAIT = 5000;
    private static final String OVER_UDP = "<sip:127.0.0.1:5060;lr>";
    private static final String OVER_TCP = "<sip:127.0.0.1:5060;transport=tcp;lr>";

    private TrunkguardProxy proxy;
    private Caller caller;
    private Callee callee;

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
    }

    @ParameterizedTest(name = "caller over {0}, core over {1}")
    @CsvSource({"TCP, UDP", "UDP, TCP", "UDP, UDP", "TCP, TCP"})
    void issue13EachSideGetsARecordRouteForItsOwnTransport(Transport callerSide, Transport coreSide) throws Exception {
        proxy = new TrunkguardProxy(TestTopology.load(coreSide), CallJudge.FORWARD_ALL, e -> { }).start();
        caller = new Caller(TestTopology.CALLER_HOST, 5070, callerSide.uriParam(), TestTopology.PROXY);
        callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, coreSide.uriParam());
        List<String> expected = callerSide == coreSide ? List.of(entry(coreSide)) : List.of(entry(coreSide), entry(callerSide));

        ClientTransaction invite = caller.invite("01055550001", "13900000001");
        RequestEvent atCore = callee.awaitRequest("INVITE", WAIT);
        assertNotNull(atCore, "INVITE forwarded to the core");
        assertEquals(expected, recordRoutes(atCore.getRequest()), "the core's entry on top, the caller's below it");
        Response ok = caller.awaitResponse(200, WAIT);
        assertNotNull(ok, "200 OK relayed to the caller");
        assertEquals(expected, recordRoutes(ok), "the caller sees the same set, which it follows bottom up");

        caller.ack(invite, ok);
        RequestEvent ack = callee.awaitRequest("ACK", WAIT);
        assertNotNull(ack, "the caller's ACK reaches us over its own transport and is forwarded");
        assertEquals(List.of(), routes(ack.getRequest()), "both of our entries are removed from the ACK");
        caller.bye(invite);
        RequestEvent bye = callee.awaitRequest("BYE", WAIT);
        assertNotNull(bye, "BYE along the route set");
        assertEquals(List.of(), routes(bye.getRequest()), "both of our entries are removed from the BYE");
        assertNotNull(caller.awaitResponse(200, WAIT), "200 to BYE relayed");
    }

    private static String entry(Transport transport) {
        return transport == Transport.TCP ? OVER_TCP : OVER_UDP;
    }

    private static List<String> recordRoutes(Message m) {
        return values(m, "Record-Route");
    }

    private static List<String> routes(Message m) {
        return values(m, "Route");
    }

    private static List<String> values(Message m, String name) {
        List<String> out = new ArrayList<>();
        m.getHeaders(name).forEachRemaining(h -> out.add(h.toString().substring(name.length() + 1).trim()));
        return out;
    }
}
