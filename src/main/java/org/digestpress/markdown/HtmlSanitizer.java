package org.digestpress.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a safe subset of raw HTML through (tables with rowspan/colspan, a few inline tags) and turns
 * everything else into visible text. The result must be well-formed XHTML, and nothing active
 * (scripts, event handlers, external resources) may reach the renderer.
 */
final class HtmlSanitizer {

    private static final Set<String> ALLOWED = Set.of("table", "thead", "tbody", "tfoot", "tr", "th", "td",
            "caption", "colgroup", "col", "br", "sup", "sub", "em", "strong", "b", "i", "u", "s", "small",
            "span", "p", "ul", "ol", "li", "blockquote", "hr", "div");
    private static final Set<String> VOID = Set.of("br", "hr", "col");
    /** Elements HTML never closes: a refused one has no content to show as code. */
    private static final Set<String> HTML_VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    private static final Map<String, Pattern> ATTRIBUTES = Map.of(
            "rowspan", Pattern.compile("\\d{1,3}"),
            "colspan", Pattern.compile("\\d{1,3}"),
            "align", Pattern.compile("(?i)left|right|center"),
            "class", Pattern.compile("[A-Za-z0-9 _-]{1,100}"));
    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*(/?)>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=>/]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    /** The first refusal, as a sentence for a warning; null when everything passed. */
    private String refused;
    /** Tags opened and not yet closed, innermost last, with their source lines. */
    private final Deque<Open> open = new ArrayDeque<>();
    /** How many refused elements (printed as text) are open: their content is shown as code too. */
    private int refusedDepth;
    /** The first tag that closes what is not open, as a sentence with its line; null when none. */
    private Unbalanced unbalanced;

    private record Open(String name, int line) {
    }

    /** Where the raw HTML stops being well formed, and why. */
    record Unbalanced(int line, String sentence) {
    }

    String sanitize(String html) {
        return sanitize(html, 0);
    }

    /**
     * @param line the source line of the text's first line (0 when unknown), for the line of an
     *             unbalanced tag; raw HTML comes in pieces, so open tags are tracked across calls
     */
    String sanitize(String html, int line) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(html);
        int last = 0;
        while (m.find()) {
            out.append(verbatim(html.substring(last, m.start())));
            last = m.end();
            if (m.group(2) == null) {
                continue; // a comment
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            int tagLine = line <= 0 ? 0 : line + (int) html.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            if (!ALLOWED.contains(name)) {
                if (refused == null) {
                    refused = "Raw HTML <" + name + "> is not allowed in articles and is printed as text; only "
                            + "tables and simple inline tags pass.";
                }
                // As code: typography must leave it as written (straight quotes, no dashes).
                out.append("<code class=\"raw-html\">").append(text(m.group())).append("</code>");
                if (closing) {
                    refusedDepth = Math.max(0, refusedDepth - 1);
                } else if (m.group(4).isEmpty() && !HTML_VOID.contains(name)) {
                    refusedDepth++;
                }
                continue;
            }
            if (closing) {
                if (!VOID.contains(name)) {
                    close(name, tagLine);
                    out.append("</").append(name).append('>');
                }
                continue;
            }
            if (!VOID.contains(name) && m.group(4).isEmpty()) {
                open.addLast(new Open(name, tagLine));
            }
            out.append('<').append(name);
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                String attribute = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) == null ? "" : unquote(a.group(2));
                Pattern allowed = ATTRIBUTES.get(attribute);
                if (allowed == null || !allowed.matcher(value).matches()) {
                    if (refused == null) {
                        refused = "The attribute " + attribute + "=\"" + value + "\" of <" + name + "> is not allowed "
                                + (allowed == null ? "in articles" : "with this value") + " and is left out; "
                                + "tags keep only rowspan and colspan (numbers), align and class.";
                    }
                    continue;
                }
                if (attribute.equals("align")) {
                    out.append(" class=\"align-").append(value.toLowerCase(Locale.ROOT)).append('"');
                } else {
                    out.append(' ').append(attribute).append("=\"").append(value).append('"');
                }
            }
            out.append(VOID.contains(name) || !m.group(4).isEmpty() ? "/>" : ">");
        }
        out.append(verbatim(html.substring(last)));
        return out.toString();
    }

    /** Text inside a refused element ({@code <script>…</script>}) is code too, shown as written. */
    private String verbatim(String s) {
        return refusedDepth == 0 || s.isBlank() ? text(s) : "<code class=\"raw-html\">" + text(s) + "</code>";
    }

    String refused() {
        return refused;
    }

    private void close(String name, int line) {
        if (!open.isEmpty() && open.peekLast().name().equals(name)) {
            open.removeLast();
            return;
        }
        if (unbalanced == null) {
            Open inner = open.peekLast();
            unbalanced = new Unbalanced(line, inner == null
                    ? "The raw HTML closes </" + name + "> here, but no <" + name + "> is open."
                    : "The raw HTML closes </" + name + "> here while <" + inner.name() + ">"
                    + (inner.line() > 0 ? " from line " + inner.line() : "") + " is still open; close every tag "
                    + "you open, innermost first, e.g. <td>…</td>.");
        }
        // Drop what this closes, so one mistake is reported once.
        while (!open.isEmpty() && !open.removeLast().name().equals(name)) {
            // keep unwinding
        }
    }

    /** The first place where the raw HTML seen so far is not balanced, or null when it is. */
    Unbalanced unbalanced() {
        if (unbalanced == null && !open.isEmpty()) {
            Open first = open.peekFirst();
            return new Unbalanced(first.line(), "The raw HTML tag <" + first.name() + "> opened here is never "
                    + "closed; close every tag you open, e.g. <td>…</td>.");
        }
        return unbalanced;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Escapes text, keeping the few character references XML understands. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '&' -> {
                    Matcher e = ENTITY.matcher(s).region(i, s.length());
                    if (e.lookingAt()) {
                        out.append(e.group());
                        i = e.end() - 1;
                    } else {
                        out.append("&amp;");
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
