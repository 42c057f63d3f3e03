package org.trunkguard.behaviour;

/**
 * Receives every detection with the verdict the policy gave it, including report-only rules:
 * the proxy's trace writer and metrics hang here. Called on the thread that judged the call;
 * must not block.
 */
@FunctionalInterface
public interface DetectionListener {

    /** A listener that drops everything. */
    DetectionListener NONE = (detection, verdict) -> { };

    void onDetection(Detection detection, org.trunkguard.verdict.Verdict verdict);
}
