package org.trunkguard.segments;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.Normaliser;
import org.trunkguard.numbers.NumberDigits;
import org.trunkguard.numbers.NumberKind;

/**
 * Reads {@code segments.csv} (format in the file's own comment lines and number-auth/README.md)
 * into sorted {@link SegmentRows}. Collects every bad row as {@code file:line: reason}, including
 * rows whose segments overlap, and refuses the whole file if there is one.
 */
final class SegmentCsvReader {

    static final String HEADER = "enterprise,first,last_or_prefix,kind,note";
    /** Beyond this many, problems are counted, not listed: an operator fixes the first ones first. */
    static final int MAX_LISTED_PROBLEMS = 100;

    private static final Pattern ENTERPRISE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("\\d+x+");
    private static final Set<NumberKind> SEGMENT_KINDS = EnumSet.of(NumberKind.MOBILE, NumberKind.FIXED_LINE,
            NumberKind.SERVICE_95, NumberKind.SERVICE_96, NumberKind.FREEPHONE_400_800, NumberKind.SHORT_CODE);

    private final Path file;
    private final Normaliser normaliser;
    private final NormalisedNumber first = new NormalisedNumber();
    private final NormalisedNumber last = new NormalisedNumber();
    private final Map<String, Integer> enterpriseIndex = new HashMap<>();
    private final List<String> enterprises = new ArrayList<>();
    private final List<FileProblem> problems = new ArrayList<>();
    private int unlistedProblems;
    private final SegmentRows rows = new SegmentRows();

    /** The rows of a valid file, sorted, with the enterprise ids their indexes refer to. */
    record Table(SegmentRows rows, List<String> enterprises) {
    }

    private SegmentCsvReader(Path file, Normaliser normaliser) {
        this.file = file;
        this.normaliser = normaliser;
    }

    static Table read(Path file, Normaliser normaliser) throws InvalidFileException {
        return new SegmentCsvReader(file, normaliser).read();
    }

    private Table read() throws InvalidFileException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean headerSeen = false;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (!line.strip().equals(HEADER)) {
                        problem(lineNumber, "header must be '" + HEADER + "'");
                    }
                    continue;
                }
                readRow(line, lineNumber);
            }
            if (!headerSeen) {
                problem(0, "no header line '" + HEADER + "'");
            }
        } catch (IOException e) {
            throw new InvalidFileException(new FileProblem(file, 0, "cannot read: " + e.getMessage()));
        }
        rows.sortByFirstCode();
        reportOverlaps();
        if (!problems.isEmpty()) {
            if (unlistedProblems > 0) {
                problems.add(new FileProblem(file, 0, "and " + unlistedProblems + " more bad rows"));
            }
            throw new InvalidFileException(problems);
        }
        return new Table(rows, List.copyOf(enterprises));
    }

    private void readRow(String line, int lineNumber) {
        String[] columns = line.split(",", 5);
        if (columns.length < 5) {
            problem(lineNumber, "expected 5 columns (" + HEADER + "), got " + columns.length);
            return;
        }
        String enterprise = columns[0].strip();
        String firstText = columns[1].strip();
        String lastText = columns[2].strip();
        if (!ENTERPRISE_ID.matcher(enterprise).matches()) {
            problem(lineNumber, "enterprise id '" + enterprise + "' must be 1-64 of A-Z a-z 0-9 . _ -");
            return;
        }
        NumberKind kind;
        try {
            kind = NumberKind.valueOf(columns[3].strip());
        } catch (IllegalArgumentException unknown) {
            kind = null;
        }
        if (kind == null || !SEGMENT_KINDS.contains(kind)) {
            problem(lineNumber, "kind '" + columns[3].strip() + "' is not one of " + SEGMENT_KINDS);
            return;
        }
        if (firstText.isEmpty()) {
            if (!PREFIX.matcher(lastText).matches()) {
                problem(lineNumber, "a prefix row (empty first) needs a prefix like 0105555xxxx, got '"
                        + lastText + "'");
                return;
            }
            firstText = lastText.replace('x', '0');
            lastText = lastText.replace('x', '9');
        } else if (lastText.isEmpty()) {
            lastText = firstText;
        }
        if (!endOk(firstText, first, kind, lineNumber, "first") || !endOk(lastText, last, kind, lineNumber, "last")) {
            return;
        }
        long firstCode = first.code();
        long lastCode = last.code();
        if (NumberDigits.length(firstCode) != NumberDigits.length(lastCode)) {
            problem(lineNumber, "first and last have different lengths");
        } else if (firstCode > lastCode) {
            problem(lineNumber, "first " + firstText + " is after last " + lastText);
        } else if (lastCode - firstCode >= SegmentBuckets.MAX_NUMBERS_PER_ROW) {
            problem(lineNumber, "segment covers more than " + SegmentBuckets.MAX_NUMBERS_PER_ROW
                    + " numbers; split it into several rows");
        } else {
            rows.add(firstCode, lastCode, enterpriseIndex(enterprise), lineNumber);
        }
    }

    private boolean endOk(String text, NormalisedNumber into, NumberKind kind, int lineNumber, String which) {
        NumberKind actual = normaliser.normalise(text, into);
        if (actual == NumberKind.IRREGULAR) {
            problem(lineNumber, which + " number '" + text + "': " + into.reason());
            return false;
        }
        if (actual != kind) {
            problem(lineNumber, which + " number '" + text + "' is " + actual + ", row says " + kind);
            return false;
        }
        return true;
    }

    private int enterpriseIndex(String enterprise) {
        return enterpriseIndex.computeIfAbsent(enterprise, id -> {
            enterprises.add(id);
            return enterprises.size() - 1;
        });
    }

    /** Rows are sorted by first number: a row overlaps an earlier one if it starts before the
     *  furthest end seen so far. */
    private void reportOverlaps() {
        long furthestLast = Long.MIN_VALUE;
        int furthestRow = -1;
        for (int row = 0; row < rows.size(); row++) {
            if (furthestRow >= 0 && rows.firstCode(row) <= furthestLast) {
                problem(rows.line(row), "segment overlaps line " + rows.line(furthestRow) + " ("
                        + enterprises.get(rows.enterprise(furthestRow)) + ")");
            }
            if (rows.lastCode(row) > furthestLast) {
                furthestLast = rows.lastCode(row);
                furthestRow = row;
            }
        }
    }

    private void problem(int lineNumber, String reason) {
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new FileProblem(file, lineNumber, reason));
        } else {
            unlistedProblems++;
        }
    }
}
