package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every corpus file still has the SHA-256 its SHA256SUMS records, so a line-ending conversion
 * by git or an editor can never slip in (.gitattributes marks the corpora -text). The
 * rfc4475-variants SHA256SUMS was computed from /work/shared/corpora when the copy was made.
 */
class CorpusChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {Corpus.RFC4475, Corpus.RFC4475_VARIANTS, Corpus.RFC5118})
    void everyFileMatchesItsRecordedSha256(String corpus) throws NoSuchAlgorithmException {
        List<Arguments> checked = new ArrayList<>();
        String sums = new String(Corpus.resource(corpus, "SHA256SUMS"), StandardCharsets.US_ASCII);
        for (String line : sums.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String expected = line.substring(0, 64);
            String file = line.substring(64).trim();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Corpus.resource(corpus, file));
            assertEquals(expected, HexFormat.of().formatHex(digest), corpus + "/" + file + " changed");
            checked.add(Arguments.of(file));
        }
        assertFalse(checked.isEmpty(), corpus + "/SHA256SUMS lists no file");
    }

    @ParameterizedTest
    @ValueSource(strings = {Corpus.RFC4475, Corpus.RFC5118})
    void everyExpectationRowHasAChecksummedFile(String corpus) {
        String sums = new String(Corpus.resource(corpus, "SHA256SUMS"), StandardCharsets.US_ASCII);
        for (Corpus.Row row : Corpus.rows(corpus)) {
            assertFalse(sums.indexOf("  " + row.file() + "\n") < 0 && !sums.endsWith("  " + row.file()),
                    row + " has no line in SHA256SUMS");
        }
    }
}
