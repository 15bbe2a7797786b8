package org.digestpress.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.digestpress.problem.Json;
import org.digestpress.problem.Problem;

/**
 * {@code archive.json}: what every archived file is (checksum, bytes; pages and conformance for
 * PDFs) and what each issue was built from (a checksum per file and folder its build read, and the
 * digestpress version that built it). It is the archive's proof of origin, the record its fixity
 * is checked against ({@code digest archive --verify}), and the memory that lets the next run skip
 * issues whose inputs did not change. Paths are relative to the archive folder, keys and lists are
 * sorted, nothing comes from the clock. Its own checksum is in {@code archive.json.sha256}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArchiveRecord(int format, String publication, String language, Site site, FileSum index, FileSum feed,
                            List<Issue> issues) {

    static final String FILE_NAME = "archive.json";
    /** {@code sha256sum -c} reads it: "HEX  archive.json". */
    static final String CHECKSUM_FILE = "archive.json.sha256";
    static final int FORMAT = 2;

    public ArchiveRecord {
        issues = issues == null ? List.of() : issues.stream().sorted(Comparator.comparing(Issue::issue)).toList();
    }

    ArchiveRecord(String publication, String language, FileSum index, List<Issue> issues) {
        this(FORMAT, publication, language, null, index, null, issues);
    }

    ArchiveRecord(String publication, String language, Site site, FileSum index, FileSum feed, List<Issue> issues) {
        this(FORMAT, publication, language, site, index, feed, issues);
    }

    /**
     * What the feed needs of the publication besides its issues, kept so that a run which builds no
     * issue writes the same feed.
     *
     * @param baseUrl   where the archive folder is published ({@code web.base_url}), or null: links stay relative
     * @param author    the publisher's name, the feed's author
     * @param authority the publisher's domain or e-mail address for {@code tag:} ids, or null
     * @param feedId    the feed's id, made once and then kept: a feed reader knows the feed by it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Site(String baseUrl, String author, String authority, String feedId) {
    }

    /** Any archived file that is not a PDF: a cover picture, the index page. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FileSum(String path, String sha256, long bytes) {
    }

    /** One archived PDF. {@code path} is relative to the archive folder, with {@code /}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pdf(String path, String sha256, int pages, long bytes, String pdfa, String pdfua) {
        FileSum sum() {
            return new FileSum(path, sha256, bytes);
        }
    }

    /**
     * An article of an issue, the page it starts on in the issue, and its offprint.
     *
     * @param source the article's file relative to the issue folder ({@code news/01-zavod.md}): it names the offprint
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Article(int position, String source, String section, String title, int page, Pdf offprint,
                          String anchor, String lead, String region, String language) {

        Article(int position, String source, String section, String title, int page, Pdf offprint) {
            this(position, source, section, title, page, offprint, null, null, null, null);
        }
    }

    /** A warning the issue's build reported, kept so that {@code --strict} still sees it when the issue is up to date. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Warning(String file, int line, int column, String message) {

        /** The build's warnings, files relative to the publication (no absolute path in the record). */
        static List<Warning> of(List<Problem> problems, Path publication) {
            Path root = publication.toAbsolutePath().normalize();
            return problems.stream().filter(p -> !p.isError()).map(p -> {
                String file = null;
                if (p.file() != null) {
                    Path absolute = p.file().toAbsolutePath().normalize();
                    file = (absolute.startsWith(root) ? root.relativize(absolute) : absolute.getFileName())
                            .toString().replace('\\', '/');
                }
                return new Warning(file, p.line(), p.column(), p.message());
            }).toList();
        }
    }

    /**
     * One issue.
     *
     * @param inputsSha256 the hash of {@code inputs} and {@code digestpress}: equal means up to date
     * @param inputs       SHA-256 per file the build read ({@code publication/…}, {@code templates/…}, {@code fonts/…});
     *                     a folder ({@code …/}) has {@code dir:} and the hash of its list of names
     * @param web          the files of the issue's web edition (its page, images, fonts, its copy of the PDF), by path
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Issue(String issue, int number, String issueLabel, String monthLabel, Pdf pdf, FileSum cover,
                        String digestpress, String inputsSha256, SortedMap<String, String> inputs,
                        List<Article> articles, List<Warning> warnings, List<FileSum> web) {
        public Issue {
            inputs = new TreeMap<>(inputs);
            articles = List.copyOf(articles);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            web = web == null ? List.of() : web.stream().sorted(Comparator.comparing(FileSum::path)).toList();
        }

        Issue(String issue, int number, String issueLabel, String monthLabel, Pdf pdf, FileSum cover,
              String digestpress, String inputsSha256, SortedMap<String, String> inputs,
              List<Article> articles, List<Warning> warnings) {
            this(issue, number, issueLabel, monthLabel, pdf, cover, digestpress, inputsSha256, inputs, articles,
                    warnings, List.of());
        }

        /** Every file archived for this issue: the issue PDF, its cover, its offprints, its web edition. */
        List<FileSum> files() {
            List<FileSum> files = new java.util.ArrayList<>();
            files.add(pdf.sum());
            files.add(cover);
            articles.forEach(a -> files.add(a.offprint().sum()));
            files.addAll(web);
            return files;
        }

        /** The web edition's page, or null when the issue was archived without one (by an older digestpress). */
        String webPage() {
            String page = PublishedNames.webPage(issue);
            return web.stream().anyMatch(f -> f.path().equals(page)) ? page : null;
        }
    }

    String json() {
        return Json.file(this);
    }

    /**
     * The record in {@code dir}, or an empty one when there is none yet.
     *
     * @throws IOException when the file is there but unreadable or not a record this version wrote;
     *                     the message completes "archive.json cannot be used: …"
     */
    static ArchiveRecord read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new ArchiveRecord(null, null, null, List.of());
        }
        JsonNode root = Json.read(Files.readString(file));
        int format = root.path("format").asInt(0);
        if (format != FORMAT) {
            throw new IOException("it has format " + root.path("format").asText("none")
                    + " and this digestpress reads format " + FORMAT);
        }
        try {
            return Json.mapper().treeToValue(root, ArchiveRecord.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException("it does not have the fields of an archive record", e);
        }
    }
}
