package org.trunkguard.behaviour;

import java.util.Objects;

/**
 * A call the proxy is about to forward: what {@link BehaviourGuard#judge(CallAttempt)} decides
 * about. Numbers are canonical national strings from the number plan ("13812345678",
 * "01055550000", "95588").
 *
 * @param callId     the SIP Call-ID; later {@link CallEvent}s of this call carry the same one
 * @param atMillis   when the INVITE arrived, epoch milliseconds from the proxy's clock
 * @param trunkId    the trunk the INVITE came in on
 * @param enterpriseId the enterprise bound to the trunk, or null (inter-carrier, international)
 * @param caller     the authenticated calling number
 * @param callee     the called number
 * @param category   the enterprise category ("marketing", "finance", ...), or null for none
 * @param trunkContract the contract of the trunk as the call found it, or null to look it up in
 *                   {@link RateCapSettings} by trunk id. The proxy passes it with the call, so a
 *                   reload that adds or removes the trunk meanwhile cannot leave the call without one.
 */
public record CallAttempt(String callId, long atMillis, String trunkId, String enterpriseId, String caller, String callee,
                          String category, TrunkContract trunkContract) {

    public CallAttempt {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(trunkId, "trunkId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
    }

    /** A call whose trunk contract comes from the settings ({@link RateCapSettings#trunkContracts()}). */
    public CallAttempt(String callId, long atMillis, String trunkId, String enterpriseId, String caller, String callee,
                       String category) {
        this(callId, atMillis, trunkId, enterpriseId, caller, callee, category, null);
    }

    /** The event {@code kind} of this call at {@code atMillis}. */
    public CallEvent event(CallEvent.Kind kind, long atMillis) {
        return new CallEvent(kind, this, atMillis);
    }
}
