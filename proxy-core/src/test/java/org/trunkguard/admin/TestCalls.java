package org.trunkguard.admin;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import org.trunkguard.auth.TrunkKind;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.proxy.Destination;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.verdict.Verdict;

/**
 * Call records as the proxy builds them. CallRecord's constructor and verdict setter are
 * package-private to the proxy (only it creates calls), so the admin tests reach them by
 * reflection rather than widening the proxy's API for a test.
 */
final class TestCalls {

    private TestCalls() {
    }

    static CallRecord call(String trunkId, Verdict verdict) {
        Trunk trunk = new Trunk(trunkId, TrunkKind.ENTERPRISE, "e1", List.of(), null, null, false);
        try {
            Constructor<CallRecord> constructor = CallRecord.class.getDeclaredConstructor(
                    String.class, Trunk.class, Destination.class, String.class, String.class, long.class);
            constructor.setAccessible(true);
            CallRecord call = constructor.newInstance("call-" + trunkId, trunk, null,
                    "sip:01055550000@ent", "sip:13912345678@core", 1_000L);
            Method setVerdict = CallRecord.class.getDeclaredMethod("verdict", Verdict.class);
            setVerdict.setAccessible(true);
            setVerdict.invoke(call, verdict);
            return call;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("CallRecord's shape changed; update TestCalls", e);
        }
    }

    static CallEvent event(CallEvent.Type type, CallRecord call) {
        return new CallEvent(type, 2_000L, 0, call);
    }
}
