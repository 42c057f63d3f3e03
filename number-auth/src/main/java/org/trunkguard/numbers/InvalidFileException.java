package org.trunkguard.numbers;

import java.util.List;

/**
 * A file was refused; carries every problem found, each naming file and line. The message is the
 * problems one per line, ready to show to an operator without a stack trace.
 */
public final class InvalidFileException extends Exception {

    private final transient List<FileProblem> problems;

    public InvalidFileException(List<FileProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid file has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidFileException(FileProblem problem) {
        this(List.of(problem));
    }

    public List<FileProblem> problems() {
        return problems;
    }

    private static String render(List<FileProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (FileProblem problem : problems) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(problem);
        }
        return text.toString();
    }
}
