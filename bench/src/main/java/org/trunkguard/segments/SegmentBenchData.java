package org.trunkguard.segments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.Normaliser;
import org.trunkguard.numbers.NumberPlan;

/**
 * A synthetic segment file for the benchmarks, and Zipf-distributed callers drawn from it.
 *
 * <p>Ranges of 1 to 1,000 mobile numbers with gaps of 0 to 200 between them, laid end to end from
 * 13000000000 (about 17 segments per 10^4 bucket, the crowded case for the bucket index), owned by
 * 10,000 enterprises. Deterministic for a seed, so that every fork and the timing run see the same
 * file; generated once into a directory under java.io.tmpdir and reused.
 */
final class SegmentBenchData {

    static final int ENTERPRISES = 10_000;
    static final Path PLAN = Path.of(System.getProperty("trunkguard.conf", "conf")).resolve("numberplan.yaml");

    final int ranges;
    final long[] firsts;
    final int[] sizes;
    final Path directory;
    final Path csv;

    SegmentBenchData(int ranges, long seed) {
        this.ranges = ranges;
        this.firsts = new long[ranges];
        this.sizes = new int[ranges];
        SplittableRandom random = new SplittableRandom(seed);
        long next = 13_000_000_000L;
        for (int i = 0; i < ranges; i++) {
            firsts[i] = next;
            sizes[i] = 1 + random.nextInt(1000);
            next += sizes[i] + random.nextInt(201);
        }
        if (next > 19_999_999_999L) {
            throw new IllegalArgumentException(ranges + " ranges do not fit the mobile space");
        }
        directory = Path.of(System.getProperty("java.io.tmpdir"), "trunkguard-segbench-" + ranges + "-" + seed);
        csv = directory.resolve("segments.csv");
    }

    static String enterprise(int range) {
        return "ent-" + Math.floorMod(range * 0x9E3779B1, ENTERPRISES);
    }

    /** Writes the CSV unless an earlier run did (a finished file is renamed into place). */
    Path writeCsvIfAbsent() throws IOException {
        if (Files.isRegularFile(csv)) {
            return csv;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve("segments.csv.partial");
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.US_ASCII), 1 << 20)) {
            out.write("enterprise,first,last_or_prefix,kind,note\n");
            for (int i = 0; i < ranges; i++) {
                out.write(enterprise(i));
                out.write(',');
                out.write(Long.toString(firsts[i]));
                out.write(',');
                out.write(Long.toString(firsts[i] + sizes[i] - 1));
                out.write(",MOBILE,\n");
            }
        }
        Files.move(partial, csv);
        return csv;
    }

    Path storeDirectory() {
        return directory.resolve("store");
    }

    static Normaliser normaliser() throws InvalidFileException {
        return new Normaliser(NumberPlan.load(PLAN));
    }

    /**
     * Zipf-distributed callers (exponent 1, by inverting the continuous CDF: rank = n^u): the
     * population is one caller per segment, and a few callers make most calls, as call-centre
     * traffic does. Ranks map to segments through a multiplicative hash so hot callers are spread
     * over the file. One in ten queries names another enterprise (a failing ownership check).
     */
    Queries zipfQueries(int count, long seed, Normaliser normaliser) {
        SplittableRandom random = new SplittableRandom(seed);
        Queries queries = new Queries(count);
        NormalisedNumber scratch = new NormalisedNumber();
        for (int q = 0; q < count; q++) {
            long rank = (long) Math.pow(ranges, random.nextDouble());
            int range = (int) Math.floorMod(rank * 2_654_435_761L, (long) ranges);
            long number = firsts[range] + Math.floorMod(range * 0x9E3779B1, sizes[range]);
            String text = Long.toString(number);
            queries.uris[q] = "sip:+86" + text + "@gw.example;user=phone";
            normaliser.normalise(text, scratch);
            queries.codes[q] = scratch.code();
            queries.enterprises[q] = enterprise(random.nextInt(10) == 0 ? range + 1 : range);
        }
        return queries;
    }

    static final class Queries {
        final long[] codes;
        final String[] enterprises;
        final String[] uris;

        Queries(int count) {
            codes = new long[count];
            enterprises = new String[count];
            uris = new String[count];
        }
    }
}
