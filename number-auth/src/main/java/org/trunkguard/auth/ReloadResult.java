package org.trunkguard.auth;

import java.util.List;
import org.trunkguard.numbers.FileProblem;
import org.trunkguard.segments.SegmentDirectory;

/**
 * The outcome of {@link NumberAuthority#reload()}: either every file was valid and the new data
 * is in force ({@code applied}), or {@code problems} lists each one as {@code file:line: reason}
 * and all running data stayed as it was.
 *
 * @param segments what the segment store did (reused or imported, timing); null if not reached
 */
public record ReloadResult(boolean applied, List<FileProblem> problems, SegmentDirectory.LoadOutcome segments) {

    public ReloadResult {
        problems = List.copyOf(problems);
        if (applied == !problems.isEmpty()) {
            throw new IllegalArgumentException("applied exactly when there are no problems");
        }
    }
}
