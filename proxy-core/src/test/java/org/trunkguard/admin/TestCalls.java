package org.trunkguard.admin;

import java.util.List;
import org.trunkguard.auth.TrunkKind;
import org.trunkguard.auth.TrunkProfile;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.verdict.Verdict;

/** Call records as the proxy builds them when an INVITE arrives. */
final class TestCalls {

    private TestCalls() {
    }

    static CallRecord call(String trunkId, Verdict verdict) {
        Trunk trunk = new Trunk(new TrunkProfile(trunkId, TrunkKind.ENTERPRISE, "e1", false), List.of(), null, null, null,
                null, org.trunkguard.proxy.trunk.RegisterPolicy.OWN_NUMBERS);
        CallRecord call = new CallRecord("call-" + trunkId, trunk, null, "sip:01055550000@ent", "sip:13912345678@core",
                "<sip:13912345678@core>", null, 1_000L);
        call.verdict(verdict);
        return call;
    }

    static CallEvent event(CallEvent.Type type, CallRecord call) {
        return new CallEvent(type, 2_000L, 0, call);
    }
}
