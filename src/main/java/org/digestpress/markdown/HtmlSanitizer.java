package org.digestpress.markdown;

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

    /** What was refused, for a warning; null when everything passed. */
    private String refused;

    String sanitize(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(html);
        int last = 0;
        while (m.find()) {
            out.append(text(html.substring(last, m.start())));
            last = m.end();
            if (m.group(2) == null) {
                continue; // a comment
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (!ALLOWED.contains(name)) {
                if (refused == null) {
                    refused = "<" + name + ">";
                }
                out.append(text(m.group()));
                continue;
            }
            if (closing) {
                if (!VOID.contains(name)) {
                    out.append("</").append(name).append('>');
                }
                continue;
            }
            out.append('<').append(name);
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                String attribute = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) == null ? "" : unquote(a.group(2));
                Pattern allowed = ATTRIBUTES.get(attribute);
                if (allowed == null || !allowed.matcher(value).matches()) {
                    if (refused == null) {
                        refused = "the attribute " + attribute;
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
        out.append(text(html.substring(last)));
        return out.toString();
    }

    String refused() {
        return refused;
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
