package org.digestpress.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code archive.json}: what every archived PDF is (checksum, pages, bytes, conformance) and what it
 * was built from (a checksum per input and the digestpress version). It is both the archive's
 * proof of origin and the memory that lets the next run skip issues whose inputs did not change.
 * Paths are relative to the archive folder, lists are sorted, nothing comes from the clock.
 */
public record ArchiveRecord(String publication, String language, List<Issue> issues) {

    static final String FILE_NAME = "archive.json";
    static final int FORMAT = 1;

    public ArchiveRecord {
        issues = issues.stream().sorted(java.util.Comparator.comparing(Issue::issue)).toList();
    }

    /** One archived PDF. {@code path} is relative to the archive folder, with {@code /}. */
    public record Pdf(String path, String sha256, int pages, long bytes, String pdfa, String pdfua) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path);
            m.put("sha256", sha256);
            m.put("pages", pages);
            m.put("bytes", bytes);
            m.put("pdfa", pdfa);
            m.put("pdfua", pdfua);
            return m;
        }

        static Pdf from(Map<?, ?> m) {
            return new Pdf(text(m, "path"), text(m, "sha256"), integer(m, "pages"), integer(m, "bytes"),
                    text(m, "pdfa"), text(m, "pdfua"));
        }
    }

    /** An article of an issue, the page it starts on in the issue, and its offprint. */
    public record Article(int position, String section, String title, int page, Pdf offprint) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", position);
            m.put("section", section);
            m.put("title", title);
            m.put("page", page);
            m.put("offprint", offprint.json());
            return m;
        }

        static Article from(Map<?, ?> m) {
            return new Article(integer(m, "position"), text(m, "section"), text(m, "title"), integer(m, "page"),
                    Pdf.from((Map<?, ?>) m.get("offprint")));
        }
    }

    /**
     * One issue.
     *
     * @param inputsSha256 the hash of {@code inputs} and {@code digestpress}: equal means up to date
     * @param inputs       SHA-256 per input file, by name ({@code publication/…}, {@code templates/…}, {@code fonts/…})
     */
    public record Issue(String issue, int number, String issueLabel, String monthLabel, Pdf pdf, String cover,
                        String digestpress, String inputsSha256, SortedMap<String, String> inputs,
                        List<Article> articles) {
        public Issue {
            inputs = new TreeMap<>(inputs);
            articles = List.copyOf(articles);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("issue", issue);
            m.put("number", number);
            m.put("issue_label", issueLabel);
            m.put("month_label", monthLabel);
            m.put("pdf", pdf.json());
            m.put("cover", cover);
            m.put("digestpress", digestpress);
            m.put("inputs_sha256", inputsSha256);
            List<Object> in = new ArrayList<>();
            inputs.forEach((path, sha) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("path", path);
                e.put("sha256", sha);
                in.add(e);
            });
            m.put("inputs", in);
            m.put("articles", articles.stream().map(Article::json).toList());
            return m;
        }

        static Issue from(Map<?, ?> m) {
            SortedMap<String, String> inputs = new TreeMap<>();
            for (Object o : (List<?>) m.get("inputs")) {
                Map<?, ?> e = (Map<?, ?>) o;
                inputs.put(text(e, "path"), text(e, "sha256"));
            }
            List<Article> articles = new ArrayList<>();
            for (Object o : (List<?>) m.get("articles")) {
                articles.add(Article.from((Map<?, ?>) o));
            }
            return new Issue(text(m, "issue"), integer(m, "number"), text(m, "issue_label"), text(m, "month_label"),
                    Pdf.from((Map<?, ?>) m.get("pdf")), text(m, "cover"), text(m, "digestpress"),
                    text(m, "inputs_sha256"), inputs, articles);
        }
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("publication", publication);
        m.put("language", language);
        m.put("issues", issues.stream().map(Issue::json).toList());
        return JsonText.write(m);
    }

    /**
     * The record in {@code dir}, or an empty one when there is none yet.
     *
     * @throws IOException when the file is there but unreadable or not a record this version wrote
     */
    static ArchiveRecord read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new ArchiveRecord(null, null, List.of());
        }
        try {
            // YAML 1.2 reads JSON; snakeyaml-engine is already on the class path for front matter.
            Object root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            Map<?, ?> m = (Map<?, ?>) root;
            if (integer(m, "format") != FORMAT) {
                throw new IOException("it has format " + m.get("format") + ", this digestpress reads " + FORMAT);
            }
            List<Issue> issues = new ArrayList<>();
            for (Object o : (List<?>) m.get("issues")) {
                issues.add(Issue.from((Map<?, ?>) o));
            }
            return new ArchiveRecord(text(m, "publication"), text(m, "language"), issues);
        } catch (RuntimeException e) {
            throw new IOException("it is not an archive record (" + e.getMessage() + ")", e);
        }
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    static int integer(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("'" + key + "' is not a number");
        }
        return n.intValue();
    }
}
