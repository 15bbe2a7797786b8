package org.digestpress.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain sentences for the YAML mistakes people really make, in place of the parser's jargon: a
 * no-break space pasted from Word where YAML needs a space, a quote that is never closed, a colon
 * inside an unquoted value. Each hint is offered only when making its fix lets the text parse
 * further, so a hint never points at something that is not the cause.
 */
public final class YamlHints {

    /** A hint at a 1-based line and column of the YAML text. */
    public record Hint(int line, int column, String sentence) {
    }

    /** Spaces that look like a space but are not one to YAML. */
    private static final Pattern LOOKALIKE = Pattern.compile("[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]");
    private static final Pattern KEY_THEN_LOOKALIKE = Pattern.compile(
            "^([ ]*(?:-[ ]+)*)(?:([\\p{L}\\p{N}_][\\p{L}\\p{N}_ -]*):|(-))(" + LOOKALIKE.pattern() + ")");
    private static final Pattern INDENT_LOOKALIKE = Pattern.compile("^[ ]*(" + LOOKALIKE.pattern() + ")");
    /** {@code key: "value} or {@code - 'value}: a value that begins with a quote. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("^([ ]*(?:-[ ]+)*(?:[^\"'#:\\s][^:#]*:[ ]+|-[ ]+)?)([\"'])(.*)$");
    /** {@code key: value: more}, the value plain (not quoted, not a flow collection). */
    private static final Pattern COLON_IN_VALUE = Pattern.compile("^([ ]*(?:-[ ]+)?)([^\"'#:\\s{\\[][^:#]*?):[ ]+([^\"'{\\[|>&*!].*?:(?:[ ]|$).*?)[ ]*$");

    private static final int MAX_TRIES = 20;

    private YamlHints() {
    }

    /**
     * @param errorLine the 1-based line of the YAML text where the parser stopped
     * @param parses    whether a changed text gets past that line (parses, or stops later)
     */
    static Optional<Hint> explain(String yaml, int errorLine, String problem, Predicate<String> tryParse) {
        List<String> lines = yaml.lines().toList();
        // each try parses the whole text again: a few are plenty for a real slip, and a text with
        // thousands of candidate lines stays fast
        int[] tries = {MAX_TRIES};
        Predicate<String> parses = changed -> tries[0]-- > 0 && tryParse.test(changed);
        for (int n = 0; n < Math.min(lines.size(), errorLine); n++) {
            int i = n;
            Optional<Hint> hint = lookalikeSpace(lines, i, parses)
                    .or(() -> unclosedQuote(lines, i, parses));
            if (hint.isPresent()) {
                return hint;
            }
        }
        if (problem != null && problem.contains("mapping values are not allowed") && errorLine <= lines.size()) {
            return colonInValue(lines, errorLine - 1, parses);
        }
        return Optional.empty();
    }

    private static Optional<Hint> lookalikeSpace(List<String> lines, int i, Predicate<String> parses) {
        String line = lines.get(i);
        Matcher m = KEY_THEN_LOOKALIKE.matcher(line);
        String where;
        int at;
        if (m.find()) {
            at = m.start(4);
            where = m.group(2) != null ? "after '" + m.group(2) + ":'" : "after the list dash '-'";
        } else {
            m = INDENT_LOOKALIKE.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            at = m.start(1);
            where = "in the indentation";
        }
        char c = line.charAt(at);
        String fixed = line.substring(0, at) + " " + line.substring(at + 1);
        if (!parses.test(replace(lines, i, fixed))) {
            return Optional.empty();
        }
        return Optional.of(new Hint(i + 1, at + 1, "There is a " + Character.getName(c).toLowerCase(Locale.ROOT)
                + " (" + XmlCharacters.name(c) + ", often pasted from Word) " + where + "; YAML needs an ordinary "
                + "space there. Replace it with a space."));
    }

    private static Optional<Hint> unclosedQuote(List<String> lines, int i, Predicate<String> parses) {
        Matcher m = QUOTED_VALUE.matcher(lines.get(i));
        if (!m.matches() || closes(m.group(3), m.group(2).charAt(0))) {
            return Optional.empty();
        }
        String quote = m.group(2);
        String fixed = lines.get(i).stripTrailing() + quote;
        if (!parses.test(replace(lines, i, fixed))) {
            return Optional.empty();
        }
        return Optional.of(new Hint(i + 1, m.start(2) + 1, "The quote " + quote + " opened here is not closed on "
                + "this line; end the value with " + quote + ", e.g. " + example(fixed) + "."));
    }

    /** Whether a quoted scalar that starts with {@code rest} ends on the same line. */
    private static boolean closes(String rest, char quote) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < rest.length() && rest.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Hint> colonInValue(List<String> lines, int i, Predicate<String> parses) {
        if (i < 0) {
            return Optional.empty();
        }
        Matcher m = COLON_IN_VALUE.matcher(lines.get(i));
        if (!m.matches()) {
            return Optional.empty();
        }
        String value = m.group(3);
        String quoted = !value.contains("\"") ? "\"" + value + "\""
                : !value.contains("'") ? "'" + value + "'"
                : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String fixed = m.group(1) + m.group(2) + ": " + quoted;
        if (!parses.test(replace(lines, i, fixed))) {
            return Optional.empty();
        }
        return Optional.of(new Hint(i + 1, m.start(3) + 1, "The value of '" + m.group(2).strip() + "' holds a colon "
                + "followed by a space, which YAML reads as the start of another key: put the value in quotes, "
                + "e.g. " + example(fixed) + "."));
    }

    /** The fixed line as an example, shortened to its key and the quotes when it is long. */
    private static String example(String fixed) {
        String line = fixed.strip();
        if (line.length() <= 80) {
            return line;
        }
        int colon = line.indexOf(':');
        char quote = line.charAt(line.length() - 1);
        return (colon > 0 && colon < 40 ? line.substring(0, colon + 1) + " " : "") + quote + "…" + quote;
    }

    private static String replace(List<String> lines, int index, String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == index ? line : lines.get(i)).append('\n');
        }
        return out.toString();
    }
}
