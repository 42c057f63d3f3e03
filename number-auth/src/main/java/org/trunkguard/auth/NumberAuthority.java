package org.trunkguard.auth;

import java.util.ArrayList;
import java.util.List;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.Normaliser;
import org.trunkguard.numbers.NumberPlan;
import org.trunkguard.segments.SegmentDirectory;

/**
 * Owns the caller-ID data: number plan, segment store, roaming exemptions, block and allow
 * lists, loaded from the files of a {@link CallerIdSettings}. {@link #reload()} re-reads them all
 * and applies them only if every one is valid. Loading and reloading read and write files: run
 * them on a worker thread, never on an event loop. Judging calls ({@link #screen()}) is safe from
 * any number of threads during a reload.
 */
public final class NumberAuthority implements AutoCloseable {

    /** The list data and normaliser in force, replaced as a whole by a reload. */
    record Snapshot(Normaliser normaliser, NumberList roamingExempt, NumberList blocklist, NumberList allowlist,
            RuleVerdicts verdicts) {
    }

    private volatile CallerIdSettings settings;
    private final SegmentDirectory segments;
    private volatile Snapshot snapshot;
    private volatile ReloadResult lastReload;

    private NumberAuthority(CallerIdSettings settings) {
        this.settings = settings;
        this.segments = new SegmentDirectory(settings.segmentStoreDirectory());
    }

    /**
     * Loads everything, reusing an existing segment store built from the same CSV.
     *
     * @throws InvalidFileException with every problem of every file
     */
    public static NumberAuthority load(CallerIdSettings settings) throws InvalidFileException {
        NumberAuthority authority = new NumberAuthority(settings);
        ReloadResult result = authority.reload();
        if (!result.applied()) {
            authority.close();
            throw new InvalidFileException(result.problems());
        }
        return authority;
    }

    /** Re-reads every file; applies all or nothing. Blocking: call from a worker thread. */
    public synchronized ReloadResult reload() {
        lastReload = loadAll(settings);
        return lastReload;
    }

    /**
     * Re-reads every file named by {@code next} and, when all are valid, puts them and next's rule
     * actions in force together; otherwise nothing changes. The segment store folder is fixed for
     * the life of the process (other processes may share the store).
     */
    public synchronized ReloadResult reload(CallerIdSettings next) {
        if (!next.segmentStoreDirectory().equals(settings.segmentStoreDirectory())) {
            return new ReloadResult(false, List.of(new FileProblem(next.segmentStoreDirectory(), 0,
                    "the segment store folder cannot change without a restart (in force: "
                            + settings.segmentStoreDirectory() + ")")), null);
        }
        ReloadResult result = loadAll(next);
        if (result.applied()) {
            settings = next;
        }
        lastReload = result;
        return result;
    }

    /** The outcome of the latest load or reload (for status pages and start-up logs). */
    public ReloadResult lastReload() {
        return lastReload;
    }

    private ReloadResult loadAll(CallerIdSettings settings) {
        List<FileProblem> problems = new ArrayList<>();
        Normaliser normaliser;
        try {
            normaliser = new Normaliser(NumberPlan.load(settings.numberPlanFile()));
        } catch (InvalidFileException e) {
            return new ReloadResult(false, e.problems(), null);
        }
        NumberList roaming = loadList(settings.roamingExemptFile(), normaliser, problems);
        NumberList block = loadList(settings.blocklistFile(), normaliser, problems);
        NumberList allow = loadList(settings.allowlistFile(), normaliser, problems);
        if (!problems.isEmpty()) {
            return new ReloadResult(false, problems, null);
        }
        SegmentDirectory.LoadOutcome outcome;
        try {
            outcome = segments.reload(settings.segmentsFile(), settings.numberPlanFile(), normaliser);
        } catch (InvalidFileException e) {
            return new ReloadResult(false, e.problems(), null);
        }
        snapshot = new Snapshot(normaliser, roaming, block, allow, new RuleVerdicts(settings));
        return new ReloadResult(true, List.of(), outcome);
    }

    private static NumberList loadList(java.nio.file.Path file, Normaliser normaliser, List<FileProblem> problems) {
        try {
            return NumberList.load(file, normaliser);
        } catch (InvalidFileException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** A screen judging calls with the data and rule actions in force (it follows reloads). */
    public CallerIdScreen screen() {
        return new CallerIdScreen(this);
    }

    /** The normaliser of the plan in force (for detectors and trace tools). */
    public Normaliser normaliser() {
        return snapshot.normaliser();
    }

    public SegmentDirectory segments() {
        return segments;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    public CallerIdSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        segments.close();
    }
}
