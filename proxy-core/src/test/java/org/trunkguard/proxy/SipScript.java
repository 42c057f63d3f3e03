package org.trunkguard.proxy;

import org.trunkguard.time.ManualClock;

import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Response;
import org.trunkguard.demo.Caller;

/** Whole calls placed by a JAIN-SIP caller, for tests that need many of them. */
final class SipScript {
    static final long WAIT = 5000;

    private final Caller caller;
    private final ManualClock clock;

    SipScript(Caller caller, ManualClock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    /** The first response to the INVITE that is 180 or final, or null. */
    Response firstRingOrFinal() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT;
        while (System.currentTimeMillis() < deadline) {
            Response r = caller.responses.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                return null;
            }
            String method = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod();
            if (method.equals("INVITE") && (r.getStatusCode() == 180 || r.getStatusCode() >= 200)) {
                return r;
            }
        }
        return null;
    }

    /** A call that rings and is cancelled at once (ring-once); returns the status ending it (487 or a refusal). */
    int ringAndCancel(String from, String to) throws Exception {
        ClientTransaction invite = caller.invite(from, to);
        Response first = firstRingOrFinal();
        if (first == null || first.getStatusCode() >= 200) {
            return first == null ? 0 : first.getStatusCode();
        }
        clock.advance(1000);
        caller.cancel(invite);
        Response end = caller.awaitResponse(487, WAIT);
        return end == null ? 0 : 487;
    }

    /** A call answered and hung up after {@code seconds}; returns 200 or the refusal status. */
    int answerAndHangUp(String from, String to, int seconds) throws Exception {
        ClientTransaction invite = caller.invite(from, to);
        Response r;
        do {
            r = firstRingOrFinal();
        } while (r != null && r.getStatusCode() == 180);
        if (r == null || r.getStatusCode() != 200) {
            return r == null ? 0 : r.getStatusCode();
        }
        caller.ack(invite, r);
        clock.advance(seconds * 1000L);
        caller.bye(invite);
        Response bye = caller.awaitResponse(200, WAIT);
        return bye == null ? 0 : 200;
    }

    /** The status of a call's first final response, or 180 when it rings (the call is then cancelled). */
    int outcome(String from, String to) throws Exception {
        ClientTransaction invite = caller.invite(from, to);
        Response first = firstRingOrFinal();
        if (first != null && first.getStatusCode() == 180) {
            caller.cancel(invite);
            caller.awaitResponse(487, WAIT);
        }
        return first == null ? 0 : first.getStatusCode();
    }
}
