package org.trunkguard.auth;

import java.util.Objects;

/**
 * What the caller-ID rules need to know about the trunk a call came in on.
 *
 * @param id             the trunk's name, for traces
 * @param kind           decides which rules apply (segment ownership on ENTERPRISE, +86 spoof on
 *                       INTERNATIONAL)
 * @param enterpriseId   the enterprise whose segments an ENTERPRISE trunk may present; required
 *                       for ENTERPRISE, null otherwise allowed
 * @param allowAnonymous whether calls without an identity, with {@code Privacy: id} or an
 *                       anonymous From are accepted on this trunk
 */
public record TrunkProfile(String id, TrunkKind kind, String enterpriseId, boolean allowAnonymous) {

    public TrunkProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (kind == TrunkKind.ENTERPRISE && (enterpriseId == null || enterpriseId.isBlank())) {
            throw new IllegalArgumentException("trunk " + id + ": an ENTERPRISE trunk needs an enterpriseId");
        }
    }
}
