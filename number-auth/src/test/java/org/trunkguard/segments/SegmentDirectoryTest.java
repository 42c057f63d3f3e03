package org.trunkguard.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.numbers.InvalidFileException;
import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.Normaliser;
import org.trunkguard.numbers.TestPlans;

class SegmentDirectoryTest {

    private static final Path PLAN = TestPlans.CONF.resolve("numberplan.yaml");
    private static final String HEADER = "enterprise,first,last_or_prefix,kind,note\n";

    @TempDir
    Path temp;

    private final Normaliser normaliser = TestPlans.chinaNormaliser();
    private SegmentDirectory directory;

    @AfterEach
    void closeDirectory() {
        if (directory != null) {
            directory.close();
        }
    }

    private long code(String number) {
        NormalisedNumber result = new NormalisedNumber();
        normaliser.normalise(number, result);
        return result.code();
    }

    private Path csv(String name, String rows) throws IOException {
        return Files.writeString(temp.resolve(name), HEADER + rows);
    }

    @Test
    void referenceSegmentsAnswerOwnershipAndWhichRow() throws Exception {
        directory = new SegmentDirectory(temp.resolve("store"));
        SegmentDirectory.LoadOutcome outcome = directory.reload(TestPlans.CONF.resolve("segments.csv"), PLAN, normaliser);
        assertFalse(outcome.reused());
        assertEquals(4, outcome.rows());
        int demoBlockLine = directory.lineOwnedBy("ent-demo", code("01055551234"));
        assertTrue(demoBlockLine > 1);
        assertEquals(demoBlockLine, directory.lineOwnedBy("ent-demo", code("tel:+86-10-5555-0000")));
        assertEquals(demoBlockLine, directory.lineOwnedBy("ent-demo", code("01055559999")));
        assertEquals(-1, directory.lineOwnedBy("ent-demo", code("01055560000")));
        assertEquals(-1, directory.lineOwnedBy("ent-other", code("01055551234")));
        assertTrue(directory.lineOwnedBy("ent-other", code("01066660000")) > demoBlockLine);
        assertTrue(directory.lineOwnedBy("ent-demo", code("4008001234")) > 0);
        assertEquals(-1, directory.lineOwnedBy("ent-demo", code("4008001235")));
        assertTrue(directory.lineOwnedBy("ent-demo", code("95588")) > 0);
        assertEquals(-1, directory.lineOwnedBy("ent-demo", code("955880")));
        assertEquals(-1, directory.lineOwnedBy("no-such-enterprise", code("01055551234")));
    }

    @Test
    void rangesAcrossBucketsAndManySmallSegmentsInOneBucket() throws Exception {
        StringBuilder rows = new StringBuilder("big,13800000000,13800123456,MOBILE,spans 13 buckets\n");
        for (int i = 0; i < 2000; i++) {
            rows.append("e").append(i % 7).append(",1390000").append(String.format("%04d", i * 5))
                    .append(",,MOBILE,single\n");
        }
        directory = new SegmentDirectory(temp.resolve("store"));
        directory.reload(csv("many.csv", rows.toString()), PLAN, normaliser);
        assertEquals(2, directory.lineOwnedBy("big", code("13800000000")));
        assertEquals(2, directory.lineOwnedBy("big", code("13800099999")));
        assertEquals(2, directory.lineOwnedBy("big", code("13800123456")));
        assertEquals(-1, directory.lineOwnedBy("big", code("13800123457")));
        SegmentStore store = directory.currentStore();
        assertTrue(store.awaitLookupTable(), "heap copy built");
        for (long[] window : new long[][] {{13799990000L, 13800140000L}, {13899990000L, 13900020000L}}) {
            for (long number = window[0]; number < window[1]; number += 3) {
                long code = code(Long.toString(number));
                assertEquals(store.findOwnerInFile(code), store.findOwner(code), "heap copy and file agree on " + number);
            }
        }
        for (int i = 0; i < 2000; i++) {
            String number = "1390000" + String.format("%04d", i * 5);
            assertEquals(3 + i, directory.lineOwnedBy("e" + (i % 7), code(number)), number);
            assertEquals(-1, directory.lineOwnedBy("e" + (i % 7), code(number) + 1));
        }
    }

    @Test
    void badRowsAreReportedByLineAndTheFileIsRefused() throws Exception {
        Path bad = csv("bad.csv", ""
                + "ent-a,01055550000,01055559999,FIXED_LINE,ok\n"
                + "ent-a,1381234567,,MOBILE,short\n"
                + "ent-a,01055550000,01055550010,FIXED_LINE,overlap\n"
                + "ent-a,4008001234,,MOBILE,wrong kind\n"
                + "ent a,95588,,SERVICE_95,bad id\n"
                + "ent-a,95588\n"
                + "ent-a,,0105555,FIXED_LINE,prefix without x\n"
                + "ent-a,01055560010,01055560000,FIXED_LINE,backwards\n"
                + "ent-a,13800000000,13999999999,MOBILE,too wide\n");
        directory = new SegmentDirectory(temp.resolve("store"));
        InvalidFileException refused = assertThrows(InvalidFileException.class,
                () -> directory.reload(bad, PLAN, normaliser));
        List<String> problems = refused.problems().stream().map(FileProblem::toString).toList();
        assertEquals(List.of(
                bad + ":3: first number '1381234567': mobile number has 10 digits, needs 11",
                bad + ":5: first number '4008001234' is FREEPHONE_400_800, row says MOBILE",
                bad + ":6: enterprise id 'ent a' must be 1-64 of A-Z a-z 0-9 . _ -",
                bad + ":7: expected 5 columns (enterprise,first,last_or_prefix,kind,note), got 2",
                bad + ":8: a prefix row (empty first) needs a prefix like 0105555xxxx, got '0105555'",
                bad + ":9: first 01055560010 is after last 01055560000",
                bad + ":10: segment covers more than 100000000 numbers; split it into several rows",
                bad + ":4: segment overlaps line 2 (ent-a)"), problems);
        assertEquals(null, directory.currentStore());
    }

    @Test
    void aBadReloadKeepsTheRunningStore() throws Exception {
        directory = new SegmentDirectory(temp.resolve("store"));
        directory.reload(csv("s.csv", "ent-a,01055550000,01055559999,FIXED_LINE,\n"), PLAN, normaliser);
        SegmentStore running = directory.currentStore();
        Path broken = csv("s.csv", "ent-a,01055550000,01055559999,FIXED_LINE,\nent-b,999,,MOBILE,\n");
        assertThrows(InvalidFileException.class, () -> directory.reload(broken, PLAN, normaliser));
        assertEquals(running, directory.currentStore());
        assertEquals(2, directory.lineOwnedBy("ent-a", code("01055551111")));
    }

    @Test
    void reloadSwapsWhileALookupHoldsTheOldStoreWhichClosesAfterIt() throws Exception {
        directory = new SegmentDirectory(temp.resolve("store"));
        directory.reload(csv("s.csv", "ent-a,01055550000,01055559999,FIXED_LINE,\n"), PLAN, normaliser);
        directory.currentStore().awaitLookupTable(); // the background copy holds a reference too
        SegmentStore inFlight = directory.acquire();
        Path oldFile = inFlight.file();

        directory.reload(csv("s.csv", "ent-b,01055550000,01055559999,FIXED_LINE,\n"), PLAN, normaliser);

        assertEquals(2, directory.lineOwnedBy("ent-b", code("01055551111")));
        assertEquals(-1, directory.lineOwnedBy("ent-a", code("01055551111")));
        assertFalse(inFlight.isClosed());
        assertEquals(2, inFlight.lineOwnedBy("ent-a", code("01055551111")));
        inFlight.release();
        assertTrue(inFlight.isClosed());
        assertFalse(Files.exists(oldFile));
    }

    @Test
    void restartWithAnUnchangedCsvReusesTheStoreFile() throws Exception {
        Path segments = csv("s.csv", "ent-a,01055550000,01055559999,FIXED_LINE,\n");
        Path store = temp.resolve("store");
        directory = new SegmentDirectory(store);
        assertFalse(directory.reload(segments, PLAN, normaliser).reused());
        directory.close();

        directory = new SegmentDirectory(store);
        SegmentDirectory.LoadOutcome restarted = directory.reload(segments, PLAN, normaliser);
        assertTrue(restarted.reused());
        assertEquals(2, directory.lineOwnedBy("ent-a", code("01055551111")));
        directory.close();

        Files.writeString(segments, HEADER + "ent-a,01055550000,01055550999,FIXED_LINE,\n");
        directory = new SegmentDirectory(store);
        assertFalse(directory.reload(segments, PLAN, normaliser).reused());
        assertEquals(-1, directory.lineOwnedBy("ent-a", code("01055551111")));
        try (var files = Files.list(store)) {
            assertEquals(2, files.count(), "one generation: map file and sidecar");
        }
    }
}
