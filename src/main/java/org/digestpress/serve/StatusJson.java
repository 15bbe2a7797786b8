package org.digestpress.serve;

import java.nio.file.Path;
import java.util.Locale;

import org.digestpress.Workspace;
import org.digestpress.problem.Problem;

/**
 * {@code /status.json} and the SSE event data: the last build, its problems (files shown as in the
 * terminal: relative to the working folder when below it) and the table of contents with pages.
 */
final class StatusJson {

    private StatusJson() {
    }

    static String write(PreviewServer.Status status) {
        Path base = Path.of("").toAbsolutePath();
        StringBuilder out = new StringBuilder("{");
        out.append("\"build\":").append(status.build());
        out.append(",\"ok\":").append(status.ok());
        out.append(",\"ms\":").append(status.millis());
        out.append(",\"cpuMs\":").append(status.cpuMillis());
        out.append(",\"pages\":").append(status.pages());
        out.append(",\"issue\":").append(string(status.issue()));
        out.append(",\"pageWidth\":").append(String.format(Locale.ROOT, "%.1f", status.pageSize()[0]));
        out.append(",\"pageHeight\":").append(String.format(Locale.ROOT, "%.1f", status.pageSize()[1]));
        out.append(",\"problems\":[");
        boolean first = true;
        for (Problem p : status.problems()) {
            out.append(first ? "" : ",");
            first = false;
            out.append("{\"file\":").append(p.file() == null ? "null"
                    : string(shown(p.file(), base, status.publicationRoot())));
            out.append(",\"line\":").append(p.line());
            out.append(",\"column\":").append(p.column());
            out.append(",\"severity\":").append(string(p.severity().label()));
            out.append(",\"message\":").append(string(p.message()));
            out.append('}');
        }
        out.append("],\"contents\":[");
        first = true;
        for (Workspace.Entry e : status.contents()) {
            out.append(first ? "" : ",");
            first = false;
            out.append("{\"kind\":").append(string(e.isSection() ? "section" : "article"));
            out.append(",\"title\":").append(string(e.title()));
            out.append(",\"page\":").append(e.page());
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /**
     * Relative to the working folder when below it (as the terminal shows it), else from the
     * publication folder's name on ("publication/2030-01/news/01-zavod.md"), else as it is.
     */
    private static String shown(Path file, Path base, Path publication) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute;
        Path outer = publication == null ? null : publication.toAbsolutePath().normalize().getParent();
        if (absolute.startsWith(base)) {
            shown = base.relativize(absolute);
        } else if (outer != null && absolute.startsWith(outer)) {
            shown = outer.relativize(absolute);
        }
        return shown.toString().replace('\\', '/');
    }

    /** A JSON string literal; soft hyphens from the typesetter are dropped, they only confuse a screen. */
    static String string(String text) {
        if (text == null) {
            return "null";
        }
        // '<' escaped as well: the page embeds this JSON in a script element.
        return org.digestpress.problem.JsonString.quote(text.replace("\u00ad", "")).replace("<", "\\u003c");
    }
}
