package org.trunkguard.behaviour;

import java.time.Duration;

/** Validation shared by the settings records; every message names the setting's key. */
final class Checks {

    private Checks() {
    }

    static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
        }
    }

    static void notNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }

    static void positive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
    }

    static void notNegative(String key, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(key + " must be 0 or more, got " + value);
        }
    }

    static void ordered(String warningKey, int warning, String criticalKey, int critical) {
        positive(warningKey, warning);
        if (critical < warning) {
            throw new IllegalArgumentException(
                    criticalKey + " (" + critical + ") must not be below " + warningKey + " (" + warning + ")");
        }
    }

    static void share(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be a share between 0 and 1, got " + value);
        }
    }
}
