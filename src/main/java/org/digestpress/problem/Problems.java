package org.digestpress.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems across a whole run, so an editor sees every mistake at once instead of fixing
 * them one build at a time. Safe to share between stages; stages add, the command prints.
 */
public final class Problems {

    private final List<Problem> items = new ArrayList<>();

    public synchronized void add(Problem problem) {
        items.add(problem);
    }

    public void error(Path file, int line, int column, String message) {
        add(Problem.error(file, line, column, message));
    }

    public void warning(Path file, int line, int column, String message) {
        add(Problem.warning(file, line, column, message));
    }

    public synchronized void addAll(Problems other) {
        items.addAll(other.all());
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Problem::isError);
    }

    public synchronized int errorCount() {
        return (int) items.stream().filter(Problem::isError).count();
    }

    public synchronized int warningCount() {
        return items.size() - errorCount();
    }

    public synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    /** All problems in source order, duplicates removed (a file read twice reports once). */
    public synchronized List<Problem> all() {
        return items.stream().distinct().sorted(Problem.SOURCE_ORDER).toList();
    }
}
