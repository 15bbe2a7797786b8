package org.digestpress.problem;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the input, pointing into the source like a compiler's diagnostic.
 *
 * @param file     the file the problem is in, or {@code null} when it concerns the run as a whole
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param severity error or warning
 * @param message  one plain sentence for the editor
 */
public record Problem(Path file, int line, int column, Severity severity, String message) {

    /** File first, then position, so diagnostics read top to bottom per file. */
    public static final Comparator<Problem> SOURCE_ORDER = Comparator
            .comparing((Problem p) -> p.file == null ? "" : p.file.toString())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The diagnostic line {@code file:line:column: error: message}; the file is shown relative to
     * {@code base} when it lies below it, so messages stay short and clickable in an editor.
     */
    public String format(Path base) {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(shownFile(base));
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
        }
        out.append(severity.label()).append(": ").append(message);
        return out.toString();
    }

    /**
     * One line of JSON, {@code {"file","line","column","severity","message"}}, for CI annotations;
     * the file as in {@link #format} ({@code null} when the problem concerns the run), 0 when unknown.
     */
    public String toJson(Path base) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("file", file == null ? null : shownFile(base));
        json.put("line", line);
        json.put("column", column);
        json.put("severity", severity.label());
        json.put("message", message);
        return JsonString.script(Json.lineInOrder(json));
    }

    private String shownFile(Path base) {
        Path shown = file;
        if (base != null) {
            Path absBase = base.toAbsolutePath().normalize();
            Path absFile = file.toAbsolutePath().normalize();
            if (absFile.startsWith(absBase)) {
                shown = absBase.relativize(absFile);
            }
        }
        return shown.toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return format(null);
    }
}
