package org.trunkguard.verdict;

/** What the proxy does with a call, from mildest to strongest. */
public enum Action {
    /** Forward unchanged. */
    ALLOW,
    /** Forward with a mark the terminating side can show ("suspected harassment"). */
    MARK,
    /** Refuse for now (503 with Retry-After, or 486); the caller may try again later. */
    THROTTLE,
    /** Refuse (403 by default for caller-ID failures, 603 for behaviour). */
    REJECT;

    /** The stronger of two actions: used when several rules speak about one call. */
    public Action max(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
