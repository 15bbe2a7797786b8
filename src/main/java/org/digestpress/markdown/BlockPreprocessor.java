package org.digestpress.markdown;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.problem.Problems;

/**
 * Handles the block syntax CommonMark lacks before flexmark sees the text: pandoc-style fenced
 * divs ({@code ::: {.quote speaker="…"}}) and {@code ```chart} blocks. Each becomes a placeholder
 * paragraph that the renderer swaps for real markup afterwards, so the Markdown inside a box is
 * still parsed together with the rest (footnotes defined at the end resolve inside boxes too).
 */
final class BlockPreprocessor {

    static final String TOKEN_PREFIX = "DPTOKEN";
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*)?.*$");
    private static final Pattern DIV_OPEN = Pattern.compile("^:{3,}\\s*\\{([^}]*)\\}\\s*$");
    private static final Pattern DIV_OPEN_SHORT = Pattern.compile("^:{3,}\\s*([A-Za-z][\\w-]*)\\s*$");
    private static final Pattern DIV_CLOSE = Pattern.compile("^:{3,}\\s*$");
    private static final Pattern DIV_ATTRIBUTE = Pattern.compile(
            "\\.([\\w-]+)|#([\\w:-]+)|([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern TABLE_CAPTION = Pattern.compile("^(Table:|:)\\s+\\S.*$");

    /** An opened fenced div, with its attributes. */
    record Box(String kind, Map<String, String> attributes, int line) {
    }

    /** The rewritten text, which source line each of its lines came from, and what the tokens stand for. */
    record Result(String text, int[] sourceLine, Map<String, Box> boxOpenings, List<String> boxClosings,
                  Map<String, ChartBlockHandler.ChartFigure> charts, Map<String, Integer> chartLines) {
    }

    private final Path file;
    private final int firstLine;
    private final String keyPrefix;
    private final String language;
    private final ChartBlockHandler charts;
    private final Problems problems;

    BlockPreprocessor(Path file, int firstLine, String keyPrefix, String language, ChartBlockHandler charts,
                      Problems problems) {
        this.file = file;
        this.firstLine = firstLine;
        this.keyPrefix = keyPrefix;
        this.language = language;
        this.charts = charts;
        this.problems = problems;
    }

    Result process(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<String> out = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        Map<String, Box> openings = new LinkedHashMap<>();
        List<String> closings = new ArrayList<>();
        Map<String, ChartBlockHandler.ChartFigure> figures = new LinkedHashMap<>();
        Map<String, Integer> chartLines = new LinkedHashMap<>();
        Deque<String> open = new ArrayDeque<>();
        int tokenCount = 0;

        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int fileLine = firstLine + i;
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String marker = fence.group(2);
                String info = fence.group(3) == null ? "" : fence.group(3);
                int end = closingFence(lines, i + 1, marker);
                if (info.equals("chart")) {
                    if (end < 0) {
                        problems.error(file, fileLine, 1, "This chart block is never closed with " + marker + ".");
                        end = lines.length;
                    }
                    StringBuilder yaml = new StringBuilder();
                    for (int j = i + 1; j < end; j++) {
                        yaml.append(lines[j]).append('\n');
                    }
                    String token = TOKEN_PREFIX + "CHART" + (tokenCount++);
                    ChartBlock block = new ChartBlock(keyPrefix + "-chart-" + (figures.size() + 1), yaml.toString(),
                            file, fileLine + 1, language);
                    ChartBlockHandler.ChartFigure figure = charts == null ? null : charts.render(block, problems);
                    if (charts == null) {
                        problems.error(file, fileLine, 1, "Charts cannot be drawn here.");
                    }
                    if (figure != null) {
                        figures.put(token, figure);
                        chartLines.put(token, fileLine);
                        emitToken(out, origin, token, i);
                    }
                    i = Math.min(end, lines.length - 1);
                    continue;
                }
                // An ordinary code block: copy it verbatim so ':::' inside it stays text.
                int stop = end < 0 ? lines.length - 1 : end;
                for (int j = i; j <= stop; j++) {
                    out.add(lines[j]);
                    origin.add(j);
                }
                i = stop;
                continue;
            }
            Matcher divOpen = DIV_OPEN.matcher(line);
            Matcher divShort = DIV_OPEN_SHORT.matcher(line);
            if ((divOpen.matches() || divShort.matches()) && open.size() >= Nesting.MAX_BLOCK_LEVELS) {
                // deeper boxes would nest the document past what the later stages can walk
                if (!open.peek().isEmpty()) {
                    problems.error(file, fileLine, 1, Nesting.TOO_MANY_BLOCK_LEVELS);
                }
                open.push("");
                out.add(line);
                origin.add(i);
                continue;
            }
            if (divOpen.matches() || divShort.matches()) {
                Box box = divOpen.matches() ? parseBox(divOpen.group(1), fileLine) : parseBox("." + divShort.group(1), fileLine);
                String token = TOKEN_PREFIX + "OPEN" + (tokenCount++);
                openings.put(token, box);
                open.push(token);
                emitToken(out, origin, token, i);
                continue;
            }
            if (DIV_CLOSE.matcher(line).matches()) {
                if (open.isEmpty()) {
                    problems.error(file, fileLine, 1, "This ':::' closes no box; a box opens with a line like "
                            + "'::: {.note title=\"Справочно\"}'.");
                    continue;
                }
                if (open.peek().isEmpty()) {
                    open.pop();
                    out.add(line);
                    origin.add(i);
                    continue;
                }
                String token = TOKEN_PREFIX + "CLOSE" + open.pop();
                closings.add(token);
                emitToken(out, origin, token, i);
                continue;
            }
            if (TABLE_CAPTION.matcher(line).matches() && i + 1 < lines.length && lines[i + 1].strip().startsWith("|")) {
                out.add(line);
                origin.add(i);
                out.add("");
                origin.add(i);
                continue;
            }
            out.add(line);
            origin.add(i);
        }
        while (!open.isEmpty()) {
            String token = open.pop();
            if (token.isEmpty()) {
                continue;
            }
            Box box = openings.get(token);
            problems.error(file, box.line(), 1, "This box is never closed: add a line ':::' after its text.");
            String closing = TOKEN_PREFIX + "CLOSE" + token;
            closings.add(closing);
            emitToken(out, origin, closing, lines.length - 1);
        }
        int[] sourceLine = new int[out.size()];
        for (int k = 0; k < sourceLine.length; k++) {
            sourceLine[k] = firstLine + origin.get(k);
        }
        return new Result(String.join("\n", out), sourceLine, openings, closings, figures, chartLines);
    }

    private static void emitToken(List<String> out, List<Integer> origin, String token, int sourceIndex) {
        out.add("");
        origin.add(sourceIndex);
        out.add(token);
        origin.add(sourceIndex);
        out.add("");
        origin.add(sourceIndex);
    }

    private static int closingFence(String[] lines, int from, String marker) {
        for (int j = from; j < lines.length; j++) {
            String stripped = lines[j].strip();
            if (stripped.length() >= marker.length() && stripped.chars().allMatch(c -> c == marker.charAt(0))) {
                return j;
            }
        }
        return -1;
    }

    private Box parseBox(String attributes, int line) {
        Matcher m = DIV_ATTRIBUTE.matcher(attributes);
        String kind = null;
        Map<String, String> values = new LinkedHashMap<>();
        while (m.find()) {
            if (m.group(1) != null) {
                if (kind == null) {
                    kind = m.group(1);
                }
            } else if (m.group(3) != null) {
                String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
                values.put(m.group(3), value);
            }
        }
        if (kind == null) {
            problems.error(file, line, 1, "A box needs a kind: write '::: {.quote …}', '::: {.comment …}' or "
                    + "'::: {.note …}'.");
            kind = "note";
        } else if (!List.of("quote", "comment", "note").contains(kind)) {
            problems.error(file, line, 1, "Unknown box kind '." + kind + "'; use .quote, .comment or .note.");
            kind = "note";
        }
        if (kind.equals("quote") && !values.containsKey("speaker")) {
            problems.warning(file, line, 1, "A direct-speech box should name its 'speaker'.");
        }
        if (kind.equals("comment") && !values.containsKey("name")) {
            problems.warning(file, line, 1, "An expert comment box should give the expert's 'name'.");
        }
        return new Box(kind, values, line);
    }
}
