package org.trunkguard.segments;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The sidecar of a store file: which CSV (by checksum) it was built from and the enterprise ids
 * its indexes refer to. Written last, by rename, so a store file without a complete sidecar is an
 * interrupted import and is never reused.
 */
record StoreMetadata(long checksum, long rows, long buckets, List<String> enterprises) {

    /** Bump when the store layout or the normalisation of segment rows changes. */
    static final int FORMAT_VERSION = 1;

    static Path fileFor(Path mapFile) {
        return mapFile.resolveSibling(mapFile.getFileName() + ".meta");
    }

    void write(Path metaFile) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
        properties.setProperty("checksum", Long.toHexString(checksum));
        properties.setProperty("rows", Long.toString(rows));
        properties.setProperty("buckets", Long.toString(buckets));
        properties.setProperty("enterprises", String.join(",", enterprises));
        Path partial = metaFile.resolveSibling(metaFile.getFileName() + ".partial");
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(writer, "trunkguard segment store; built from the CSV with this checksum");
        }
        Files.move(partial, metaFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The metadata of a complete store built from a CSV with {@code checksum}, or null. */
    static StoreMetadata readIfComplete(Path metaFile, long checksum) {
        if (!Files.isRegularFile(metaFile)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
            if (!Integer.toString(FORMAT_VERSION).equals(properties.getProperty("formatVersion"))
                    || !Long.toHexString(checksum).equals(properties.getProperty("checksum"))) {
                return null;
            }
            String names = properties.getProperty("enterprises", "");
            return new StoreMetadata(checksum, Long.parseLong(properties.getProperty("rows")),
                    Long.parseLong(properties.getProperty("buckets")),
                    names.isEmpty() ? List.of() : Arrays.asList(names.split(",")));
        } catch (IOException | RuntimeException unreadable) {
            // A damaged sidecar means an unknown store: rebuild rather than trust it.
            return null;
        }
    }
}
