package org.trunkguard.behaviour;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads the two-column list files (do-not-call, consent) into a sorted {@code long[]} of
 * (number, scope) keys: a lookup is a binary search that allocates nothing, and ten million
 * entries take 80 MB. Lines: {@code number[,scope]}, {@code #} starts a comment, blank lines
 * are skipped, spaces around fields are ignored. A missing scope is {@code *}.
 *
 * <p>Keys are 64-bit hashes of number and scope; two different entries share a key with
 * probability about n²/2⁶⁵, one in ten million for 10⁶ entries, and even then the effect is
 * one wrongly listed number.
 */
final class ListFileReader {

    static final String ANY_SCOPE = "*";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{3,17}");
    private static final Pattern SCOPE = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ListFileReader() {
    }

    /** The sorted keys of {@code file}; {@code scopeName} names the second column in errors. */
    static long[] read(Path file, String scopeName, boolean scopeRequired) throws ListFileException {
        long[] keys = new long[1024];
        int size = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] fields = content.split(",", -1);
                if (fields.length > 2) {
                    throw new ListFileException(file, lineNumber, "expected number[," + scopeName + "], got " + fields.length + " fields");
                }
                String number = fields[0].strip();
                if (!NUMBER.matcher(number).matches()) {
                    throw new ListFileException(file, lineNumber, "'" + number + "' is not a national number (3 to 17 digits)");
                }
                String scope = fields.length == 2 ? fields[1].strip() : ANY_SCOPE;
                if (fields.length == 1 && scopeRequired) {
                    throw new ListFileException(file, lineNumber, "missing " + scopeName + " after the number");
                }
                if (!SCOPE.matcher(scope).matches()) {
                    throw new ListFileException(file, lineNumber, "'" + scope + "' is not a valid " + scopeName);
                }
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                }
                keys[size++] = key(number, scope);
            }
        } catch (IOException e) {
            throw new ListFileException(file, "cannot read: " + e.getMessage(), e);
        }
        long[] sorted = Arrays.copyOf(keys, size);
        Arrays.sort(sorted);
        return sorted;
    }

    static long key(String number, String scope) {
        return NumberKey.mix(NumberKey.of(number), NumberKey.hashOf(scope));
    }

    static boolean contains(long[] sortedKeys, String number, String scope) {
        return sortedKeys.length > 0 && Arrays.binarySearch(sortedKeys, key(number, scope)) >= 0;
    }
}
