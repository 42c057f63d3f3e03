package org.trunkguard.behaviour;

import java.nio.file.Path;

/**
 * Callees who agreed to be called by an enterprise ({@code number,enterprise-id}): their consent
 * overrides the do-not-call list for that enterprise. It does not lift calling hours. Format in
 * number-auth/BEHAVIOUR.md.
 */
public final class ConsentList {

    /** The empty list. */
    public static final ConsentList EMPTY = new ConsentList(new long[0]);

    private final long[] keys;

    private ConsentList(long[] keys) {
        this.keys = keys;
    }

    /** Loads {@code file}; the error names the file and line of the first bad entry. */
    public static ConsentList load(Path file) throws ListFileException {
        return new ConsentList(ListFileReader.read(file, "enterprise id", true));
    }

    /** True if {@code callee} agreed to calls from {@code enterpriseId}. */
    public boolean agreed(String callee, String enterpriseId) {
        return enterpriseId != null && ListFileReader.contains(keys, callee, enterpriseId);
    }

    /** Entries loaded (duplicates included). */
    public int size() {
        return keys.length;
    }
}
