package org.trunkguard.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of conf/ in a temporary folder, so a test may edit it and its var/ stays out of the tree. */
final class ConfCopy {
    private ConfCopy() {
    }

    /** Returns the copied trunkguard.yaml; var/ (segment store, trace) will be beside the conf folder. */
    static Path make(Path root) throws IOException {
        Path source = Path.of(System.getProperty("trunkguard.home", "..")).resolve("conf");
        Path conf = Files.createDirectories(root.resolve("conf"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, conf.resolve(f.getFileName()));
                }
            }
        }
        return conf.resolve("trunkguard.yaml");
    }

    /** As {@link #make}, with the demo call centre's contract raised for load tests (its 50 calls/s would throttle them). */
    static Path forLoad(Path root) throws IOException {
        Path file = make(root);
        String text = Files.readString(file).replace("calls-per-second: 50", "calls-per-second: 5000")
                .replace("burst: 100", "burst: 5000").replace("max-concurrent: 500", "max-concurrent: 100000");
        Files.writeString(file, text);
        return file;
    }
}
