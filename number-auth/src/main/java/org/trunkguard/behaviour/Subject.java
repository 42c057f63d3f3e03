package org.trunkguard.behaviour;

/** What a detection is about: the key its evidence was counted under. */
public enum Subject {
    /** A calling number. */
    CALLER,
    /** A called number (a victim to protect). */
    CALLEE,
    /** One caller calling one callee. */
    PAIR,
    /** A trunk. */
    TRUNK,
    /** The call itself (hours, do-not-call). */
    CALL
}
