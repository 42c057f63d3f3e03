package org.trunkguard.trace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory one writer owns: it holds an exclusive lock on {@value #LOCK_FILE} so that a second
 * proxy process configured with the same directory fails at start instead of interleaving
 * sequence numbers and "repairing" a file the first one is still writing. The operating system
 * drops the lock when the process dies, even by kill -9.
 */
final class TraceDirectory implements Closeable {

    static final String LOCK_FILE = ".lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private LocalDate lastDay;
    private int lastSequence;

    private TraceDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it. */
    static TraceDirectory lock(Path path) throws IOException {
        Files.createDirectories(path);
        Path lockFile = path.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("trace directory " + path + " is in use by another writer (lock file " + lockFile
                    + "); give each proxy process its own trace directory");
        }
        return new TraceDirectory(path, channel, lock);
    }

    Path path() {
        return path;
    }

    /**
     * Repairs the newest trace file, the only one a crash can have left half written (older ones
     * were forced and closed at rotation), and remembers its day and sequence so new files sort
     * after it.
     */
    List<TraceRepair.Repair> repairAfterCrash() throws IOException {
        List<TraceFile> files = TraceFile.list(path);
        List<TraceRepair.Repair> repairs = new ArrayList<>();
        if (!files.isEmpty()) {
            TraceFile newest = files.get(files.size() - 1);
            lastDay = newest.day();
            lastSequence = newest.sequence();
            TraceRepair.Repair repair = TraceRepair.repair(newest.path());
            if (repair != null) {
                repairs.add(repair);
            }
        }
        return repairs;
    }

    /** Creates the next file of {@code day}; never reuses a name, never appends to an old file. */
    TraceFile createNext(LocalDate day) throws IOException {
        int sequence = day.equals(lastDay) ? lastSequence + 1 : 1;
        while (true) {
            TraceFile file = TraceFile.of(path, day, sequence);
            try {
                Files.createFile(file.path());
                lastDay = day;
                lastSequence = sequence;
                forceDirectory();
                return file;
            } catch (FileAlreadyExistsException e) {
                sequence++;
            }
        }
    }

    /** Makes a new file's directory entry durable too, where the platform allows it. */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(path, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the file's own data is still forced.
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
