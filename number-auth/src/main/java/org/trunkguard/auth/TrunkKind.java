package org.trunkguard.auth;

/** What sits behind a trunk (shared/DESIGN.md §2); decides which caller-ID rules apply. */
public enum TrunkKind {
    /** A call centre or PBX of one enterprise: calling numbers must lie in its segments. */
    ENTERPRISE,
    /** A gateway from abroad: a domestic calling number is a spoof unless roaming. */
    INTERNATIONAL,
    /** Another domestic carrier. */
    INTERCARRIER,
    /** Our own core: where accepted calls go and responses come from. */
    CORE
}
