package org.digestpress.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.assets.Confinement;
import org.digestpress.problem.Problems;

/** Loads one issue folder: {@code issue.yaml} and the articles in its section folders. */
public final class IssueLoader {

    static final String FILE_NAME = "issue.yaml";
    private static final Pattern ISSUE_DIR = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern ORDER_PREFIX = Pattern.compile("^(\\d+)[-_].*");
    private static final Set<String> ARTICLE_KEYS = Set.of("title", "lead", "date", "source", "region", "tags",
            "image", "draft", "weight", "language");

    private IssueLoader() {
    }

    /** The issue folders of a publication ({@code YYYY-MM}), oldest first. */
    public static List<Path> issueFolders(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> ISSUE_DIR.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Optional<Path> newestIssue(Path root) {
        List<Path> folders = issueFolders(root);
        return folders.isEmpty() ? Optional.empty() : Optional.of(folders.get(folders.size() - 1));
    }

    /**
     * @param includeDrafts whether articles with {@code draft: true} are built
     * @return the issue, or null when it cannot be built at all (problems say why)
     */
    public static Issue load(Publication publication, Path issueDir, boolean includeDrafts, Problems problems) {
        Path dir = issueDir.toAbsolutePath().normalize();
        References references = new References(publication.root());
        if (!Files.isDirectory(dir)) {
            problems.error(dir, 0, 0, "The issue folder does not exist.");
            return null;
        }
        if (!dir.startsWith(publication.root())) {
            problems.error(dir, 0, 0, "The issue folder must be inside the publication folder "
                    + publication.root() + ".");
            return null;
        }
        if (leadsOutside(dir, publication, problems, "The issue folder")) {
            return null;
        }
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            problems.error(file, 0, 0, "Every issue folder needs an issue.yaml with at least 'number' and 'date'.");
            return null;
        }
        if (leadsOutside(file, publication, problems, "issue.yaml")) {
            return null;
        }
        String text = SourceText.read(file, problems);
        YamlNode node = text == null ? null : YamlParser.parse(text, file, 0, problems);
        Fields fields = node == null ? null : Fields.root(node, file, problems, "issue.yaml");
        Integer number = null;
        YearMonth date = null;
        Picture cover = null;
        String insideCover = "";
        int insideCoverLine = 1;
        List<Link> publications = List.of();
        if (fields != null) {
            fields.warnUnknown(Set.of("number", "date", "cover", "cover_alt", "inside_cover", "publications"));
            number = fields.integer("number");
            if (number == null && !fields.has("number")) {
                problems.error(file, fields.line(), 0, "issue.yaml needs the issue 'number', e.g. 'number: 6'.");
            }
            date = readDate(fields, dir);
            String coverRef = fields.string("cover");
            if (coverRef != null) {
                Path coverFile = references.image(coverRef, file, fields.lineOf("cover"), 0, "cover image", problems);
                if (coverFile != null) {
                    cover = new Picture(coverFile, fields.string("cover_alt"), null, null);
                }
            }
            String inside = fields.string("inside_cover");
            insideCover = inside == null ? "" : inside;
            insideCoverLine = fields.lineOf("inside_cover") + 1;
            publications = PublicationLoader.readLinks(fields, "publications");
        }

        int errorsBefore = problems.errorCount();
        List<Path> draftsLeftOut = new ArrayList<>();
        List<IssueSection> sections = loadSections(publication, dir, includeDrafts, references, problems,
                draftsLeftOut);
        // An article that could not be read (not UTF-8, broken front matter) has its own error at its
        // file and line; "no articles" on top of it would send the reader looking in the wrong place.
        boolean unreadable = problems.errorCount() > errorsBefore;
        if (!unreadable && sections.stream().allMatch(s -> s.articles().isEmpty())) {
            if (draftsLeftOut.isEmpty()) {
                problems.error(file, 0, 0, "The issue has no articles: put Markdown files into section folders such as "
                        + dir.getFileName() + "/" + publication.sections().get(0).id() + "/01-first-news.md.");
            } else {
                problems.error(dir, 0, 0, Drafts.onlyDrafts(dir, draftsLeftOut));
            }
        } else if (!draftsLeftOut.isEmpty()) {
            problems.warning(dir, 0, 0, Drafts.leftOut(dir, draftsLeftOut));
        }
        if (number == null || date == null) {
            return null;
        }
        return new Issue(dir, file, number, date, cover, insideCover, insideCoverLine, publications, sections);
    }

    private static YearMonth readDate(Fields fields, Path dir) {
        String text = fields.string("date");
        if (text == null) {
            fields.problems().error(fields.file(), fields.line(), 0,
                    "issue.yaml needs the issue 'date' as year and month, e.g. 'date: \"2025-06\"'.");
            return null;
        }
        try {
            YearMonth date = YearMonth.parse(text.length() > 7 ? text.substring(0, 7) : text);
            if (!dir.getFileName().toString().equals(date.toString())) {
                fields.problems().warning(fields.file(), fields.lineOf("date"), 0, "The date " + date
                        + " does not match the folder name " + dir.getFileName() + ".");
            }
            return date;
        } catch (DateTimeParseException e) {
            fields.problems().error(fields.file(), fields.lineOf("date"), 0,
                    "The issue 'date' must be year and month as YYYY-MM, e.g. \"2025-06\", not '" + text + "'.");
            return null;
        }
    }

    /** @param draftsLeftOut gets the drafts not included */
    private static List<IssueSection> loadSections(Publication publication, Path dir, boolean includeDrafts,
                                                   References references, Problems problems,
                                                   List<Path> draftsLeftOut) {
        List<Path> folders;
        try (Stream<Path> children = Files.list(dir)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.error(dir, 0, 0, "The issue folder cannot be listed: " + e.getMessage() + ".");
            return List.of();
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (publication.section(name).isEmpty()) {
                for (Path md : markdownFiles(folder)) {
                    problems.error(md, 1, 1, "This article is in the folder '" + name + "', which is not a section "
                            + "declared in publication.yaml (declared: " + String.join(", ",
                            publication.sections().stream().map(Section::id).toList()) + ").");
                }
            }
        }
        List<IssueSection> sections = new ArrayList<>();
        for (Section section : publication.sections()) {
            Path folder = dir.resolve(section.id());
            if (!Files.isDirectory(folder) || leadsOutside(folder, publication, problems, "The section folder")) {
                continue;
            }
            String intro = null;
            Path introFile = folder.resolve("_intro.md");
            if (Files.isRegularFile(introFile) && !leadsOutside(introFile, publication, problems, "This file")) {
                intro = SourceText.read(introFile, problems);
            } else {
                introFile = null;
            }
            List<Ordered> ordered = new ArrayList<>();
            for (Path md : markdownFiles(folder)) {
                if (md.getFileName().toString().startsWith("_")
                        || leadsOutside(md, publication, problems, "This article")) {
                    continue;
                }
                Ordered article = loadArticle(publication, section, md, references, problems);
                if (article != null && (includeDrafts || !article.article.draft())) {
                    ordered.add(article);
                } else if (article != null) {
                    draftsLeftOut.add(md);
                }
            }
            ordered.sort(Comparator.comparingDouble((Ordered o) -> o.weight)
                    .thenComparing(o -> o.article.file().getFileName().toString()));
            List<Article> articles = ordered.stream().map(o -> o.article).toList();
            if (!articles.isEmpty() || intro != null) {
                sections.add(new IssueSection(section, intro, introFile, articles));
            }
        }
        return sections;
    }

    private record Ordered(Article article, double weight) {
    }

    /**
     * Reports and returns true when {@code path} is a symbolic link (or lies in a linked folder)
     * whose target is outside the publication. Links that stay inside are fine: only where the
     * bytes really come from matters.
     */
    private static boolean leadsOutside(Path path, Publication publication, Problems problems, String what) {
        if (Confinement.inside(path, publication.root())) {
            return false;
        }
        boolean folder = Files.isDirectory(path);
        problems.error(path, folder ? 0 : 1, folder ? 0 : 1, what + " is a link to "
                + (folder ? "a folder" : "a file") + " outside the publication folder ("
                + Confinement.real(path) + "); a build reads only files inside it. Copy it in instead.");
        return true;
    }

    private static List<Path> markdownFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Ordered loadArticle(Publication publication, Section section, Path file,
                                       References references, Problems problems) {
        String text = SourceText.read(file, problems);
        if (text == null) {
            return null;
        }
        FrontMatter fm = FrontMatter.split(text, file, problems);
        if (fm == null) {
            return null;
        }
        YamlNode node = YamlParser.parse(fm.yaml(), file, fm.yamlLineOffset(), problems);
        if (node == null) {
            return null;
        }
        Fields f = Fields.root(node, file, problems, "The front matter");
        if (f == null) {
            return null;
        }
        f.warnUnknown(ARTICLE_KEYS);
        String title = f.requiredString("title");
        String lead = f.string("lead");
        String date = f.string("date");
        List<Region> regions = regions(f, file, problems);
        List<String> tags = f.strings("tags");
        boolean draft = f.flag("draft");
        String language = f.string("language");
        if (language != null && !language.strip().matches("[a-zA-Z]{2,3}([-_][A-Za-z0-9]+)*")) {
            problems.error(file, f.lineOf("language"), 0, "'language' must be a language code such as 'ru' or 'en' "
                    + "(the languages with hyphenation and typographic rules), not '" + language + "'.");
            language = null;
        }
        if (language == null) {
            language = publication.language();
        }
        Source source = null;
        YamlNode sourceNode = f.node("source");
        if (sourceNode instanceof YamlNode.Scalar s && s.value() != null) {
            source = new Source(s.value().strip(), null);
        } else if (sourceNode != null) {
            Fields sf = f.mapping("source");
            if (sf != null) {
                sf.warnUnknown(Set.of("name", "url"));
                String name = sf.requiredString("name");
                String url = sf.string("url");
                if (url != null && (!LinkAddress.allowed(url) || url.strip().startsWith("#"))) {
                    problems.error(file, sf.lineOf("url"), 0, "The source 'url' must start with http:// or https://.");
                    url = null;
                }
                if (name != null) {
                    source = new Source(name, url);
                }
            }
        }
        Picture image = null;
        Fields imageFields = f.mapping("image");
        if (imageFields != null) {
            imageFields.warnUnknown(Set.of("src", "alt", "caption", "credit"));
            String src = imageFields.requiredString("src");
            if (src != null) {
                Path imageFile = references.image(src, file, imageFields.lineOf("src"), 0, "image", problems);
                if (imageFile != null && !PublicationLoader.isImage(imageFile)) {
                    problems.error(file, imageFields.lineOf("src"), 0, "The image must be an SVG, PNG or JPEG file.");
                } else if (imageFile != null) {
                    String alt = imageFields.string("alt");
                    if (alt == null || alt.isBlank()) {
                        problems.warning(file, imageFields.lineOf("src"), 0,
                                "The image has no 'alt' text; readers who cannot see it get nothing.");
                    }
                    image = new Picture(imageFile, alt, imageFields.string("caption"), imageFields.string("credit"));
                }
            }
        }
        double weight = orderOf(file);
        if (f.has("weight")) {
            Integer w = f.integer("weight");
            if (w != null) {
                weight = w;
            }
        }
        if (title == null) {
            return null;
        }
        String key = section.id() + "-" + slug(file);
        return new Ordered(new Article(file, key, section.id(), title, lead, date, source, regions, tags, image,
                draft, language, fm.body(), fm.bodyFirstLine(), f.lineOf("title"), lead == null ? 0 : f.lineOf("lead")),
                weight);
    }

    /** {@code region: Томская область} or a list of them; blank items are left out. */
    private static List<Region> regions(Fields f, Path file, Problems problems) {
        YamlNode node = f.node("region");
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : node == null ? List.of() : List.of(node);
        List<Region> regions = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s) {
                if (s.value() != null && !s.value().isBlank()) {
                    regions.add(new Region(s.value().strip(), s.line()));
                }
            } else {
                problems.error(file, item.line(), item.column(),
                        "'region' must be a text or a list of texts, e.g. '[Пензенская область, Калужская область]'.");
            }
        }
        return regions;
    }

    private static double orderOf(Path file) {
        Matcher m = ORDER_PREFIX.matcher(file.getFileName().toString());
        return m.matches() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
    }

    private static String slug(Path file) {
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - 3).toLowerCase(Locale.ROOT);
        String slug = name.replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug;
    }
}
