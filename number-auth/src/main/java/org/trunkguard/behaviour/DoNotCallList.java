package org.trunkguard.behaviour;

import java.nio.file.Path;

/**
 * Callees who refused marketing: {@code number} alone refuses calls of every category,
 * {@code number,category} only calls of that enterprise category (e.g. "finance",
 * "real-estate"). Only calls that carry a category are affected; calls from subscribers never
 * are. Format in number-auth/BEHAVIOUR.md.
 */
public final class DoNotCallList {

    /** The empty list. */
    public static final DoNotCallList EMPTY = new DoNotCallList(new long[0], 0);

    private final long[] keys;
    private final int entries;

    private DoNotCallList(long[] keys, int entries) {
        this.keys = keys;
        this.entries = entries;
    }

    /** Loads {@code file}; the error names the file and line of the first bad entry. */
    public static DoNotCallList load(Path file) throws ListFileException {
        long[] keys = ListFileReader.read(file, "category", false);
        return new DoNotCallList(keys, keys.length);
    }

    /** True if {@code callee} refused calls of {@code category} (or of every category). */
    public boolean refuses(String callee, String category) {
        return ListFileReader.contains(keys, callee, ListFileReader.ANY_SCOPE)
                || ListFileReader.contains(keys, callee, category);
    }

    /** Entries loaded (duplicates included). */
    public int size() {
        return entries;
    }
}
