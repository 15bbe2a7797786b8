package org.digestpress.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html}: the archive as a page that works straight from the folder (opened as a file,
 * copied to a USB stick, or served as CI's artifact): no script, no font or style from elsewhere,
 * only relative links to the PDFs, web editions and cover pictures beside it. Issues newest first,
 * each with its cover and its articles; an article links to its place in the issue's web edition,
 * to its page in the issue PDF ({@code #page=N}, which PDF viewers in browsers honour) and to its
 * offprint. The head names {@code feed.xml} for browsers and feed readers, and the header links it.
 */
final class IndexPage {

    static final String FILE_NAME = "index.html";

    /** The few words of the page, in the publication's language (English otherwise). */
    private record Words(String archive, String issues, String pdf, String pages, String page, String offprint,
                         String cover, String kilobytes, String megabytes, String web, String feed) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "ru", new Words("Архив выпусков", "Выпусков в архиве", "Выпуск целиком", "с.", "с.", "PDF статьи",
                    "Обложка", "КБ", "МБ", "Читать на сайте", "Лента Atom"),
            "en", new Words("Archive of issues", "Issues in the archive", "Whole issue", "pp.", "p.", "Article PDF",
                    "Cover", "KB", "MB", "Read online", "Atom feed"));

    private static Words words(String language) {
        return WORDS.getOrDefault((language == null ? "en" : language).replaceFirst("[-_].*", ""), WORDS.get("en"));
    }

    /** "Archive of issues" in the publication's language: the feed's subtitle. */
    static String archiveWord(String language) {
        return words(language).archive();
    }

    private IndexPage() {
    }

    static String html(ArchiveRecord record) {
        String language = record.language() == null ? "en" : record.language();
        Words w = words(language);
        String title = record.publication() == null ? w.archive() : record.publication();
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(esc(language)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" — ").append(esc(w.archive())).append("</title>\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(esc(w.feed()))
                .append("\" href=\"").append(href(PublishedNames.FEED)).append("\">\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header class=\"top\"><div class=\"wrap\"><p class=\"kicker\">").append(esc(w.archive()))
                .append("</p><h1>").append(esc(title)).append("</h1><p class=\"count\">").append(esc(w.issues()))
                .append(": ").append(record.issues().size()).append(" · <a class=\"feed\" href=\"")
                .append(href(PublishedNames.FEED)).append("\">").append(esc(w.feed())).append("</a></p></div></header>\n")
                .append("<main class=\"wrap\">\n");
        List<ArchiveRecord.Issue> newestFirst = new ArrayList<>(record.issues());
        java.util.Collections.reverse(newestFirst);
        for (ArchiveRecord.Issue issue : newestFirst) {
            issue(out, issue, w);
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void issue(StringBuilder out, ArchiveRecord.Issue issue, Words w) {
        String pdf = href(issue.pdf().path());
        out.append("<article class=\"issue\" id=\"issue-").append(esc(issue.issue())).append("\">\n");
        out.append("  <a class=\"cover\" href=\"").append(pdf).append("\"><img src=\"").append(href(issue.cover().path()))
                .append("\" width=\"200\" height=\"283\" alt=\"").append(esc(w.cover() + ": " + issue.issueLabel()
                        + ", " + issue.monthLabel())).append("\"></a>\n");
        out.append("  <div class=\"content\">\n");
        out.append("    <h2><a href=\"").append(pdf).append("\">").append(esc(issue.issueLabel()))
                .append("</a> <span class=\"month\">").append(esc(issue.monthLabel())).append("</span></h2>\n");
        String web = issue.webPage() == null ? null : href(issue.webPage());
        out.append("    <p class=\"meta\">");
        if (web != null) {
            out.append("<a class=\"button\" href=\"").append(web).append("\">").append(esc(w.web())).append("</a> ");
        }
        out.append("<a class=\"button\" href=\"").append(pdf).append("\">").append(esc(w.pdf()))
                .append("</a> <span>PDF · ").append(issue.pdf().pages()).append("\u00a0").append(esc(w.pages()))
                .append(" · ").append(size(issue.pdf().bytes(), w)).append(conformance(issue.pdf()))
                .append("</span></p>\n");
        Map<String, List<ArchiveRecord.Article>> sections = new LinkedHashMap<>();
        for (ArchiveRecord.Article a : issue.articles()) {
            sections.computeIfAbsent(a.section() == null ? "" : a.section(), s -> new ArrayList<>()).add(a);
        }
        out.append("    <div class=\"sections\">\n");
        for (Map.Entry<String, List<ArchiveRecord.Article>> section : sections.entrySet()) {
            out.append("      <section><h3>").append(esc(section.getKey())).append("</h3>\n        <ul>\n");
            for (ArchiveRecord.Article a : section.getValue()) {
                String page = pdf + "#page=" + a.page();
                // the title opens the article in the web edition where there is one, else its page in the PDF
                String read = web != null && a.anchor() != null ? web + "#" + esc(a.anchor()) : page;
                out.append("          <li><a class=\"title\" href=\"").append(read).append("\">").append(esc(a.title()))
                        .append("</a><span class=\"links\"><a class=\"page\" href=\"").append(page).append("\">")
                        .append(esc(w.page())).append("\u00a0").append(a.page()).append("</a><a class=\"offprint\" href=\"")
                        .append(href(a.offprint().path())).append("\" title=\"").append(esc(w.offprint())).append(", ")
                        .append(a.offprint().pages()).append("\u00a0").append(esc(w.pages())).append("\">PDF</a></span></li>\n");
            }
            out.append("        </ul>\n      </section>\n");
        }
        out.append("    </div>\n  </div>\n</article>\n");
    }

    private static String conformance(ArchiveRecord.Pdf pdf) {
        List<String> parts = new ArrayList<>();
        if (pdf.pdfa() != null && !pdf.pdfa().equals("none")) {
            parts.add(pdf.pdfa());
        }
        if (pdf.pdfua() != null && !pdf.pdfua().equals("none")) {
            parts.add(pdf.pdfua());
        }
        return parts.isEmpty() ? "" : " · " + esc(String.join(", ", parts));
    }

    private static String size(long bytes, Words w) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f\u00a0%s", bytes / 1048576.0, w.megabytes())
                : String.format(Locale.ROOT, "%d\u00a0%s", Math.max(1, bytes / 1024), w.kilobytes());
    }

    /** A relative link, percent-encoded where needed (file names may be Cyrillic). */
    static String href(String relative) {
        return esc(PublishedNames.link(relative));
    }

    static String esc(String s) {
        return org.digestpress.xml.XmlText.attribute(s == null ? "" : s);
    }

    private static final String STYLE = """
            :root { --ink: #1d2326; --muted: #5b676e; --line: #d5dcdf; --brand: #0e4d5c; --accent: #d9822b;
              --paper: #f4f6f7; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--paper); color: var(--ink);
              font: 16px/1.45 "PT Sans", "Helvetica Neue", Arial, sans-serif; }
            a { color: var(--brand); text-decoration: none; }
            a:hover, a:focus { text-decoration: underline; }
            .wrap { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
            .top { background: var(--brand); color: #fff; border-bottom: 5px solid var(--accent); padding: 28px 0 22px; }
            .top h1 { margin: 0; font-size: 34px; line-height: 1.15; }
            .kicker { margin: 0 0 6px; text-transform: uppercase; letter-spacing: .08em; font-size: 13px;
              font-weight: bold; color: #f3c89c; }
            .count { margin: 8px 0 0; color: #cfe0e4; font-size: 15px; }
            .count .feed { color: #fff; text-decoration: underline; }
            main { padding: 28px 24px 48px; }
            .issue { display: flex; gap: 28px; align-items: flex-start; background: #fff; border: 1px solid var(--line);
              border-radius: 6px; padding: 24px; margin: 0 0 24px; }
            .cover { flex: 0 0 200px; }
            .cover img { display: block; width: 200px; height: auto; border: 1px solid var(--line);
              box-shadow: 0 2px 8px rgba(0, 0, 0, .15); }
            .content { flex: 1; min-width: 0; }
            .issue h2 { margin: 0; font-size: 26px; line-height: 1.2; }
            .month { color: var(--muted); font-weight: normal; }
            .meta { margin: 8px 0 16px; color: var(--muted); font-size: 14px; }
            .button { display: inline-block; background: var(--brand); color: #fff; border-radius: 4px;
              padding: 4px 12px; margin-right: 8px; font-weight: bold; }
            .button:hover, .button:focus { background: #0a3a46; text-decoration: none; }
            .sections { columns: 2 300px; column-gap: 32px; }
            section { break-inside: avoid; margin: 0 0 14px; }
            h3 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--accent);
              border-bottom: 2px solid var(--accent); padding-bottom: 3px; }
            ul { list-style: none; margin: 0; padding: 0; }
            li { display: flex; gap: 10px; align-items: baseline; margin: 0 0 8px; font-size: 15px; line-height: 1.3; }
            .title { flex: 1; color: var(--ink); }
            .links { flex: 0 0 auto; white-space: nowrap; font-size: 13px; }
            .page { color: var(--muted); }
            .offprint { margin-left: 8px; font-size: 11px; font-weight: bold; letter-spacing: .04em; color: var(--brand);
              border: 1px solid var(--brand); border-radius: 3px; padding: 0 4px; }
            .offprint:hover, .offprint:focus { background: var(--brand); color: #fff; text-decoration: none; }
            @media (max-width: 640px) { .issue { display: block; } .cover { display: block; margin-bottom: 16px; } }
            """;
}
