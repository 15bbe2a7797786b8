package org.digestpress.serve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.digestpress.engine.Workspace;
import org.digestpress.problem.Json;
import org.digestpress.problem.JsonString;
import org.digestpress.problem.Problem;

/**
 * {@code /status.json} and the SSE event data: the last build, its problems (files shown as in the
 * terminal: relative to the working folder when below it) and the table of contents with pages.
 * Written by Jackson ({@link Json}), fields in the documented order.
 */
final class StatusJson {

    private StatusJson() {
    }

    /**
     * Before the first build is done: build 0, no pages, {@code "building": true}. The page shows
     * that the issue is being built and waits for the build event.
     */
    static String first(String server, PageAnswers links) {
        return write(new BuildStatus(0, true, 0, 0, 0, "", new float[] {595, 842}, List.of(), List.of(),
                null, List.of(), List.of()), server, links, true, false);
    }

    /** The build kept from the last run, shown while the first build runs: build 0, building, kept. */
    static String kept(BuildStatus status, String server, PageAnswers links) {
        return write(status, server, links, true, true);
    }

    static String write(BuildStatus status, String server, PageAnswers links) {
        return write(status, server, links, false, false);
    }

    private static String write(BuildStatus status, String server, PageAnswers links, boolean building,
                                boolean kept) {
        Path base = Path.of("").toAbsolutePath();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("build", status.build());
        json.put("ok", status.ok());
        json.put("building", building);
        json.put("kept", kept);
        json.put("ms", status.millis());
        json.put("cpuMs", status.cpuMillis());
        json.put("pages", status.pages());
        json.put("issue", text(status.issue()));
        json.put("pageWidth", tenths(status.pageSize()[0]));
        json.put("pageHeight", tenths(status.pageSize()[1]));
        json.put("server", server);
        json.put("editor", links.hasEditor());
        json.put("hashes", status.hashes());
        List<Object> problems = new ArrayList<>();
        for (Problem p : status.problems()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("file", p.file() == null ? null : shown(p.file(), base));
            problem.put("line", p.line());
            problem.put("column", p.column());
            problem.put("severity", p.severity().label());
            problem.put("message", text(p.message()));
            Path absolute = p.file() == null ? null : p.file().toAbsolutePath().normalize();
            problem.put("path", absolute == null ? null : absolute.toString());
            problem.put("link", absolute == null ? null : links.link(absolute, p.line(), p.column()));
            problems.add(problem);
        }
        json.put("problems", problems);
        List<Object> contents = new ArrayList<>();
        for (int i = 0; i < status.contents().size(); i++) {
            Workspace.Entry e = status.contents().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", e.isSection() ? "section" : "article");
            entry.put("title", text(e.title()));
            entry.put("page", e.page());
            entry.put("y", i < status.places().size() ? thousandths(status.places().get(i)) : BigDecimal.ZERO);
            contents.add(entry);
        }
        json.put("contents", contents);
        // '<' escaped as well: the page embeds this JSON in a script element ('<' occurs only in strings).
        return JsonString.script(Json.lineInOrder(json)).replace("<", "\\u003c");
    }

    private static BigDecimal thousandths(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }

    /** The {@code early} event's data: the page drawn before its build is done, its picture's width, the page's size. */
    static String early(EarlyPicture.Drawn drawn, String server) {
        Map<String, Object> json = new java.util.TreeMap<>();
        json.put("page", drawn.page());
        json.put("w", drawn.width());
        json.put("pageWidth", tenths(drawn.pageWidth()));
        json.put("pageHeight", tenths(drawn.pageHeight()));
        json.put("server", server);
        return Json.line(json);
    }

    private static BigDecimal tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    /** Soft hyphens from the typesetter are dropped: they only confuse a screen. */
    private static String text(String text) {
        return text == null ? null : text.replace("\u00ad", "");
    }

    /**
     * Relative to the working folder when below it (as the terminal shows it), else the absolute
     * path: a publication elsewhere named from its own folder on ("content/2025-06/…") named
     * another file, the working folder's copy.
     */
    private static String shown(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
