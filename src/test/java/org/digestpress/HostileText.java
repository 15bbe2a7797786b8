package org.digestpress;


import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile but plausible input for the property tests: text with every kind of odd
 * character (controls, lone surrogates, U+FFFE, soft hyphens, character references), Markdown
 * bodies with boxes, tables, footnotes, raw HTML, images and chart blocks, and chart YAML.
 */
public final class HostileText {

    private HostileText() {
    }

    /** A short run of text: Cyrillic, Latin, Markdown punctuation, controls, surrogates, references. */
    public static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange('а', 'я').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars(" .,;:!?-–—«»\"'()[]{}*_`#<>&/\\|~^@$%+=\t")
                .withChars('\u0000', '\u0001', '\u0007', '\u000B', '\u001F', '\u007F', '\u0085', '\u00A0', '\u00AD',
                        '\u200B', '\u202F', '\u2028', '\uFEFF', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '→', '✓')
                .ofMaxLength(40);
        Arbitrary<String> token = Arbitraries.of("&#xD800;", "&#0;", "&#1;", "&amp;", "&#160;", "&nbsp;", "&#x10FFFF;",
                "&#99999999999;", "&#x110000;", "&lt;", "\uD83D\uDE00", "@fig:x", "@tbl:t", "[^1]", "[^nope]",
                "http://example.org/a/b/c", "**bold", "_em_", "`code`", "\\", "<br>", "--", "...", "\"кавычки\"");
        return Arbitraries.oneOf(plain, token).list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    /** A Markdown body of a few blocks. */
    public static Arbitrary<String> body() {
        Arbitrary<String> block = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, text()),
                net.jqwik.api.Tuple.of(2, box()),
                net.jqwik.api.Tuple.of(2, table()),
                net.jqwik.api.Tuple.of(2, footnote()),
                net.jqwik.api.Tuple.of(2, rawHtml()),
                net.jqwik.api.Tuple.of(1, image()),
                net.jqwik.api.Tuple.of(1, text().map(t -> "## " + t)),
                net.jqwik.api.Tuple.of(1, text().list().ofMaxSize(3).map(l -> "- " + String.join("\n- ", l))),
                net.jqwik.api.Tuple.of(1, text().map(t -> "```\n" + t + "\n```")),
                net.jqwik.api.Tuple.of(2, chartYaml().map(y -> "```chart\n" + y + "```")));
        return block.list().ofMaxSize(7).map(blocks -> String.join("\n\n", blocks) + "\n");
    }

    /**
     * Markdown that nests deep or repeats one token for long: separators pasted from e-mails, quote
     * chains, lists of list markers, runs of «А.», emphasis and brackets inside each other, boxes in
     * boxes. Runs go up to 2500 repetitions, past what a recursive parser or regular expression
     * survives on a default stack; nesting up to 40-60 levels, well past the limits.
     */
    public static Arbitrary<String> deep() {
        Arbitrary<String> token = Arbitraries.of("-", "_", "*", "- ", "* ", "+ ", "> ", ">", "1. ", "1) ", "А.", "a.",
                "А. ", "www.", "a@b.", "1\u202F000", "-a", "[", "]", "[a](", ")", "![", "**", "__", "*a ", "_a ", "`",
                "\\", "<b>", "&amp;", "~", "#", "|", "  ", "\t", "Boeing 7-", "ИНН 1/");
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 30)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(30, 600)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(600, 2500)));
        Arbitrary<String> prefix = Arbitraries.of("", "Текст ", "> ", "- ", "    ", "1. ", "# ");
        Arbitrary<String> run = Combinators.combine(prefix, token, count, text())
                .as((p, t, n, tail) -> p + t.repeat(n) + tail);
        Arbitrary<String> nestedLines = Combinators.combine(Arbitraries.of("  - ", "> ", "    ", "1. ", "> - "),
                        count.map(n -> Math.min(n, 40)), text())
                .as((step, n, t) -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        out.append(step.repeat(i)).append(step.strip().isEmpty() ? "- " : "").append(t).append(i).append('\n');
                    }
                    return out.toString();
                });
        Arbitrary<String> emphasis = count.map(n -> Math.min(n, 60)).map(n -> {
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String d = i % 2 == 0 ? "*" : "_";
                open.append(d).append("w ");
                close.insert(0, d + " w");
            }
            return open + "x" + close;
        });
        Arbitrary<String> boxes = count.map(n -> Math.min(n, 40))
                .map(n -> "::: note\n".repeat(n) + "текст\n" + ":::\n".repeat(n));
        Arbitrary<String> block = Arbitraries.oneOf(run, nestedLines, emphasis, boxes, text());
        return block.list().ofMinSize(1).ofMaxSize(3).map(blocks -> String.join("\n\n", blocks) + "\n");
    }

    static Arbitrary<String> box() {
        Arbitrary<String> opening = Arbitraries.of("::: {.note}", "::: {.note title=\"Справочно\"}",
                "::: {.quote speaker=\"Иван\" role=\"директор\"}", "::: {.comment name=\"Анна\"}", "::: note",
                "::: {.unknown}", "::: {", ":::");
        return Combinators.combine(opening, text(), Arbitraries.of("\n:::", "\n:::\n:::", "", "\n::: {.note}\nвложено\n:::\n:::"))
                .as((open, inner, close) -> open + "\n" + inner + close);
    }

    static Arbitrary<String> table() {
        return Combinators.combine(text(), text(), text(), Arbitraries.of("", "Table: Подпись {#tbl:t}\n\n", "Table: \n\n"),
                        Arbitraries.of("|---|---:|", "|---|", ":--|--:", "|-|-|-|"))
                .as((a, b, c, caption, rule) -> caption + "| " + clean(a) + " | " + clean(b) + " |\n" + rule + "\n| "
                        + clean(c) + " | 1 |\n| 2 |");
    }

    private static String clean(String cell) {
        return cell.replace("\n", " ");
    }

    static Arbitrary<String> footnote() {
        return Combinators.combine(text(), Arbitraries.of("1", "2", "x", "Б", "1 2"), Arbitraries.of(true, false))
                .as((t, label, defined) -> t + "[^" + label + "]" + (defined ? "\n\n[^" + label + "]: " + "примечание" : ""));
    }

    static Arbitrary<String> rawHtml() {
        Arbitrary<String> tag = Arbitraries.of("<table><tr><td rowspan=\"2\">", "</td></tr></table>", "<b>", "</i>",
                "<script>alert(1)</script>", "<img src=\"x.png\">", "<div class=\"a\">", "<!-- c -->", "<p>", "</p>",
                "<td colspan=\"99999\">", "<span style=\"x\">", "<a href=\"javascript:alert(1)\">", "<br/>", "<sup>",
                "<table><tr><td>&#1;</td></tr></table>", "<svg><style>@import url(http://example.org/x.css)</style></svg>");
        return Combinators.combine(tag.list().ofMaxSize(4), text())
                .as((tags, t) -> String.join(t, tags) + t);
    }

    static Arbitrary<String> image() {
        return Combinators.combine(text(), Arbitraries.of("../images/scheme.svg", "../images/missing.png",
                        "http://example.org/x.png", "/etc/passwd", "../../../../x.svg", "", "data:image/png;base64,AAAA"),
                Arbitraries.of("", " \"Подпись\"", "{#fig:a}"))
                .as((alt, src, tail) -> "![" + clean(alt).replace("]", "") + "](" + src + tail.replace("{#fig:a}", "") + ")"
                        + (tail.startsWith("{") ? tail : ""));
    }

    /** The YAML of a chart block, sometimes valid, often not. */
    public static Arbitrary<String> chartYaml() {
        Arbitrary<String> type = Arbitraries.of("bar", "hbar", "stacked-bar", "line", "area", "pie", "donut", "", "radar");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-1000, 1000).map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.of("1e308", "-1.7e308", "1.7976931348623157e308", "4.9e-324", "1e400", "NaN", ".nan", ".inf",
                        "-.inf", "-0", "1 000", "1,5", "abc", "", "\"\\u0001\"", "0x10", "1e15", "-1e15", "null", "[1]"));
        Arbitrary<String> row = Combinators.combine(text().map(t -> quoted(t)), value, value)
                .as((category, v1, v2) -> "  - [" + category + ", " + v1 + ", " + v2 + "]\n");
        Arbitrary<String> extras = Arbitraries.of("", "labels: true\n", "labels: maybe\n", "width: 0.5\n", "width: 7\n",
                "height: 1e9\n", "unit: \"%\"\n", "id: fig-1\n", "caption: \"a\\u0001b\"\n", "data: ../../secret.csv\n",
                "y: " + "[".repeat(60) + "\n", "source: [a, b]\n", "alt: &a [*a]\n");
        return Combinators.combine(type, text().map(HostileText::quoted), Arbitraries.of("[B]", "[B, C]", "B", "[]", "[Z]", "[A]"),
                        row.list().ofMaxSize(6), extras)
                .as((t, title, y, rows, extra) -> "type: " + t + "\ntitle: " + title + "\nx: A\ny: " + y
                        + "\nrows:\n  - [A, B, C]\n" + String.join("", rows) + extra);
    }

    /** As a YAML double-quoted scalar, escapes included, so any text stays one value. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c >= 0xFFFE) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Front matter lines: known and unknown keys, odd values, deep nesting, aliases, broken YAML. */
    public static Arbitrary<String> frontMatter() {
        Arbitrary<String> value = Arbitraries.oneOf(text().map(HostileText::quoted), text().map(t -> t.replace("\n", " ")),
                Arbitraries.of("[a, b]", "{name: x}", "", "null", "~", "&a [*a]", "*undefined", "[" .repeat(1500),
                        "{a: ".repeat(40), "|\n  блок\n  текста", "\"\\uD800\"", "\"\\x00\"", "\"\\0\"", "true", "12",
                        "klingon", "tlh", "-1", "1e400", "'не закрыто", "[", "}"));
        Arbitrary<String> key = Arbitraries.of("title", "lead", "date", "source", "region", "tags", "image", "draft",
                "weight", "language", "titel", "\"k\\u0001\"", "? complex", "- item");
        Arbitrary<String> line = Combinators.combine(key, value).as((k, v) -> k + ": " + v);
        return Combinators.combine(text().map(HostileText::quoted), line.list().ofMaxSize(5))
                .as((title, lines) -> "title: " + title + "\n" + String.join("\n", lines) + "\n");
    }

    /** All generators at once, for a whole article. */
    public static Arbitrary<String> article() {
        return Combinators.combine(frontMatter(), body()).as((fm, body) -> "---\n" + fm + "---\n" + body);
    }

}
