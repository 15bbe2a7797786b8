package org.digestpress.markdown;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.problem.Problems;

/**
 * Finds footnote calls ({@code [^1]}) that no definition ({@code [^1]: text}) answers, and
 * definitions nothing calls. flexmark leaves such a call as the literal text "[^1]", which would be
 * printed, and drops such a definition without a word; the source is read directly so the message
 * can name the exact line and column. Code blocks and code spans are skipped.
 */
final class UnmatchedFootnotes {

    private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[\\^([^\\]\\s]+)\\]:");
    private static final Pattern CALL = Pattern.compile("\\[\\^([^\\]\\s]+)\\]");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");

    private UnmatchedFootnotes() {
    }

    static void report(String markdown, Path file, int firstLine, Problems problems) {
        if (markdown.indexOf("[^") < 0) {
            return;
        }
        String[] lines = markdown.split("\n", -1);
        Set<String> defined = new HashSet<>();
        Set<String> called = new HashSet<>();
        java.util.Map<String, Integer> definitionLine = new java.util.LinkedHashMap<>();
        boolean[] code = codeLines(lines);
        for (int i = 0; i < lines.length; i++) {
            Matcher d = DEFINITION.matcher(lines[i]);
            if (!code[i] && d.find()) {
                defined.add(d.group(1).toLowerCase(java.util.Locale.ROOT));
                definitionLine.putIfAbsent(d.group(1), firstLine + i);
            }
        }
        for (int i = 0; i < lines.length; i++) {
            if (code[i]) {
                continue;
            }
            String line = blankCodeSpans(lines[i]);
            Matcher d = DEFINITION.matcher(line);
            int from = d.find() ? d.end() : 0;
            Matcher call = CALL.matcher(line);
            while (call.find(from)) {
                from = call.end();
                if (call.start() > 0 && line.charAt(call.start() - 1) == '\\') {
                    continue;
                }
                called.add(call.group(1).toLowerCase(java.util.Locale.ROOT));
                if (!defined.contains(call.group(1).toLowerCase(java.util.Locale.ROOT))) {
                    problems.error(file, firstLine + i, call.start() + 1, "The footnote " + call.group()
                            + " has no definition, so it would print as written; add a line '" + call.group()
                            + ": the note's text' below the paragraph.");
                }
            }
        }
        definitionLine.forEach((label, line) -> {
            if (!called.contains(label.toLowerCase(java.util.Locale.ROOT))) {
                // the same words and place as InlineFootnotes', so the two collapse into one
                problems.warning(file, line, 0, "This footnote is never referred to in the text, so it is not printed.");
            }
        });
    }

    private static boolean[] codeLines(String[] lines) {
        boolean[] code = new boolean[lines.length];
        String open = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (open == null && fence.find()) {
                open = fence.group(1);
                code[i] = true;
            } else if (open != null) {
                code[i] = true;
                if (fence.find() && fence.group(1).charAt(0) == open.charAt(0) && fence.group(1).length() >= open.length()) {
                    open = null;
                }
            }
        }
        return code;
    }

    private static String blankCodeSpans(String line) {
        if (line.indexOf('`') < 0) {
            return line;
        }
        Matcher m = CODE_SPAN.matcher(line);
        StringBuilder out = new StringBuilder(line);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}
