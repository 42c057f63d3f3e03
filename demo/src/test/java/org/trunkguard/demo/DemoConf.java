package org.trunkguard.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of conf/ in a temporary folder, so a test may edit it and its var/ stays out of the tree. */
final class DemoConf {
    private DemoConf() {
    }

    static Path home() {
        return Path.of(System.getProperty("trunkguard.home", "..")).toAbsolutePath().normalize();
    }

    /** Returns the copied trunkguard.yaml; var/ (segment store, trace) will be beside the conf folder. */
    static Path copy(Path root) throws IOException {
        Path conf = Files.createDirectories(root.resolve("conf"));
        try (Stream<Path> files = Files.list(home().resolve("conf"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, conf.resolve(f.getFileName()));
                }
            }
        }
        return conf.resolve("trunkguard.yaml");
    }
}
