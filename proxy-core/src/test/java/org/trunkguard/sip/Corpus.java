package org.trunkguard.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The torture corpora under src/test/resources/corpora: their EXPECTATIONS.tsv rows and each
 * file's bytes as they would arrive on the wire.
 *
 * <p>RFC 4475 files are wire bytes already and are used untouched. RFC 5118 files are not: the
 * archive decodes to bare-LF lines and two files lack the empty line that ends the header
 * section. {@link #wireBytes} converts the header section to CRLF and adds the missing empty
 * line, but leaves the body's bytes alone: the body is opaque to a proxy, and converting it
 * would change the byte count that Content-Length was written for (ipv4-mapped-ipv6 declares
 * 236, its LF body's exact length).
 */
final class Corpus {
    static final String RFC4475 = "rfc4475";
    static final String RFC4475_VARIANTS = "rfc4475-variants";
    static final String RFC5118 = "rfc5118";

    private Corpus() {
    }

    /** One EXPECTATIONS.tsv row: file, section, title, class and the last column (the verdict). */
    record Row(String corpus, String file, String section, String title, String rfcClass, String verdict) {
        @Override
        public String toString() {
            return corpus + "/" + file + " (" + rfcClass + ")";
        }
    }

    static List<Row> rows(String corpus) {
        List<Row> rows = new ArrayList<>();
        String tsv = new String(resource(corpus, "EXPECTATIONS.tsv"), StandardCharsets.UTF_8);
        int lineNumber = 0;
        for (String line : tsv.split("\n")) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 5) {
                throw new IllegalStateException(corpus + "/EXPECTATIONS.tsv line " + lineNumber + ": fewer than 5 columns");
            }
            rows.add(new Row(corpus, cols[0], cols[1], cols[2], cols[3], cols[cols.length - 1]));
        }
        return rows;
    }

    static byte[] resource(String corpus, String file) {
        String path = "/corpora/" + corpus + "/" + file;
        try (InputStream in = Corpus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** The file as wire bytes (see the class comment for RFC 5118). */
    static byte[] wireBytes(String corpus, String file) {
        byte[] raw = resource(corpus, file);
        return corpus.equals(RFC5118) ? lfToCrlfHeaders(raw) : raw;
    }

    static byte[] wireBytes(Row row) {
        return wireBytes(row.corpus(), row.file());
    }

    /** Header section LF to CRLF, one empty line guaranteed after it, body bytes unchanged. */
    static byte[] lfToCrlfHeaders(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int blank = text.indexOf("\n\n");
        String headers = blank < 0 ? text : text.substring(0, blank + 1);
        String body = blank < 0 ? "" : text.substring(blank + 2);
        if (!headers.endsWith("\n")) {
            headers = headers + "\n";
        }
        String wire = headers.replace("\n", "\r\n") + "\r\n" + body;
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }
}
