package org.trunkguard.proxy;

/**
 * A step in a call's life, as detectors and trace records consume it. {@code status} is the
 * SIP status that caused the step (0 for ATTEMPT and ENDED by BYE).
 */
public record CallEvent(Type type, long atMillis, int status, CallRecord call) {
    public enum Type {
        /** The INVITE arrived and was judged; {@link CallRecord#verdict()} says how. */
        ATTEMPT,
        /** First 180/183 from the callee. */
        RINGING,
        /** 2xx to the INVITE. */
        ANSWERED,
        /** The caller cancelled before an answer (487 relayed). */
        CANCELLED,
        /** A final failure response, or the proxy's own rejection. */
        FAILED,
        /** BYE from either side after an answer. */
        ENDED
    }

    /** Receives call events; called on a network thread, so it must not block. */
    public interface Listener {
        void onCallEvent(CallEvent event);
    }
}
