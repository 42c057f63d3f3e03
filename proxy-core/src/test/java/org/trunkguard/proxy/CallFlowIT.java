package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.sip.Transport;

/**
 * Calls through a real proxy over loopback sockets between two JAIN-SIP user agents: the caller
 * on the enterprise trunk's address, the callee on the core's next hop. Over UDP and over TCP.
 */
class CallFlowIT {
    private static final long WAIT = 5000;

    private TrunkguardProxy proxy;
    private Caller caller;
    private Callee callee;
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    private void start(Transport transport) throws Exception {
        proxy = new TrunkguardProxy(TestTopology.load(transport), CallJudge.FORWARD_ALL, events::add).start();
        String t = transport.uriParam();
        caller = new Caller(TestTopology.CALLER_HOST, 5070, t, TestTopology.PROXY);
        callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, t);
    }

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

    @ParameterizedTest
    @EnumSource(Transport.class)
    void answeredCallIsRelayedBothWaysAndEndsWithBye(Transport transport) throws Exception {
        start(transport);
        ClientTransaction invite = caller.invite("01055550001", "13900000001");
        Response trying = caller.awaitResponse(100, WAIT);
        assertNotNull(trying, "100 Trying from the proxy");
        Response ok = caller.awaitResponse(200, WAIT);
        assertNotNull(ok, "200 OK relayed from the callee");
        assertTrue(Caller.headerValues(ok, "Record-Route").toString().contains("127.0.0.1:5060"),
                "our Record-Route reaches the caller: " + Caller.headerValues(ok, "Record-Route"));
        caller.ack(invite, ok);
        RequestEvent ack = callee.awaitRequest("ACK", WAIT);
        assertNotNull(ack, "ACK for 2xx traverses the proxy");
        caller.bye(invite);
        assertNotNull(callee.awaitRequest("BYE", WAIT), "BYE traverses the proxy");
        Response byeOk = caller.awaitResponse(200, WAIT);
        assertNotNull(byeOk, "200 to BYE relayed");
        assertEquals("BYE", ((javax.sip.header.CSeqHeader) byeOk.getHeader("CSeq")).getMethod());
        assertTrue(Await.until(() -> events.size() >= 4, WAIT), events.toString());
        assertEquals(List.of(CallEvent.Type.ATTEMPT, CallEvent.Type.RINGING, CallEvent.Type.ANSWERED, CallEvent.Type.ENDED),
                events.stream().map(CallEvent::type).toList());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cancelWhileRingingGets200And487(Transport transport) throws Exception {
        start(transport);
        ClientTransaction invite = caller.invite("01055550003", "18013900000003");
        assertNotNull(caller.awaitResponse(180, WAIT), "180 Ringing relayed");
        caller.cancel(invite);
        assertNotNull(callee.awaitRequest("CANCEL", WAIT), "CANCEL forwarded to the core");
        Response terminated = caller.awaitResponse(487, WAIT);
        assertNotNull(terminated, "487 relayed to the caller");
        assertTrue(Await.until(() -> events.stream().anyMatch(e -> e.type() == CallEvent.Type.CANCELLED), WAIT),
                events.toString());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void busyIsRelayedAndItsAckAbsorbed(Transport transport) throws Exception {
        start(transport);
        caller.invite("01055550002", "48613900000002");
        assertNotNull(caller.awaitResponse(486, WAIT), "486 relayed");
        // The proxy ACKs the 486 hop by hop (JAIN-SIP's transaction layer consumes that ACK);
        // the caller's own ACK must stop at the proxy.
        assertTrue(Await.until(() -> events.stream().anyMatch(e -> e.type() == CallEvent.Type.FAILED && e.status() == 486),
                WAIT), events.toString());
        assertTrue(Await.until(() -> proxy.counters().retransmissionsAbsorbed.sum() >= 1, WAIT),
                "the caller's ACK matched the INVITE transaction and stopped there");
        assertEquals(null, callee.awaitRequest("ACK", 300), "the caller's ACK is not forwarded");
    }
}
