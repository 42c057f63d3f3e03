package org.trunkguard.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.Normaliser;

/**
 * A list of numbers from a text file (block list, allow list, roaming exemptions): one number per
 * line in any form the {@link Normaliser} reads, {@code #} starts a comment, blank lines are
 * ignored. Numbers are normalised on load, so {@code +8613812345678} in the file matches a call
 * from {@code sip:013...}-style or {@code tel:138-1234-5678} alike.
 */
public final class NumberList {

    private final LongHashSet codes;

    private NumberList(LongHashSet codes) {
        this.codes = codes;
    }

    /** Whether the canonical number with this code is on the list; allocation-free. */
    public boolean contains(long numberCode) {
        return numberCode != 0 && codes.contains(numberCode);
    }

    public int size() {
        return codes.size();
    }

    /**
     * Reads a list file.
     *
     * @throws InvalidFileException listing every line that is not a valid number
     */
    public static NumberList load(Path file, Normaliser normaliser) throws InvalidFileException {
        LongHashSet codes = new LongHashSet();
        List<FileProblem> problems = new ArrayList<>();
        NormalisedNumber number = new NormalisedNumber();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                int comment = line.indexOf('#');
                String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (normaliser.normalise(text, number) == org.trunkguard.numbers.NumberKind.IRREGULAR) {
                    problems.add(new FileProblem(file, lineNumber, "'" + text + "': " + number.reason()));
                } else {
                    codes.add(number.code());
                }
            }
        } catch (IOException e) {
            throw new InvalidFileException(new FileProblem(file, 0, "cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return new NumberList(codes);
    }
}
