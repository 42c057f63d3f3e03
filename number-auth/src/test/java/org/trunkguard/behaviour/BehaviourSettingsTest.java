package org.trunkguard.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.trunkguard.verdict.Action;

class BehaviourSettingsTest {

    @Test
    void invalidThresholdsNameTheirKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RingOnceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), 10, 5, 0.5));
        assertEquals("ring-once.critical-count (5) must not be below ring-once.warning-count (10)", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> BehaviourSettings.DEFAULTS.policies().get(RuleIds.RING_ONCE).withActions(Action.REJECT, Action.MARK));
        assertEquals("ring-once.on-critical (MARK) must not be milder than ring-once.on-warning (REJECT)", error.getMessage());
    }

    @Test
    void everyRuleNeedsAPolicyAndNoOtherIsAccepted() {
        var policies = new HashMap<>(BehaviourSettings.DEFAULTS.policies());
        policies.remove(RuleIds.DO_NOT_CALL);
        BehaviourSettings d = BehaviourSettings.DEFAULTS;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new BehaviourSettings(
                d.ringOnce(), d.bombing(), d.groupCalling(), d.rateCaps(), d.callingHours(), d.neverBlockCallees(),
                d.limits(), policies));
        assertEquals("no policy for rule do-not-call", error.getMessage());
        assertEquals(RuleIds.ALL.size(), d.policies().size());
    }
}
