package org.digestpress.archetype;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import org.digestpress.assets.Assets;
import org.digestpress.assets.Confinement;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.Labels;
import org.digestpress.content.Publication;
import org.digestpress.content.PublicationLoader;
import org.digestpress.content.Section;
import org.digestpress.content.YamlNode;
import org.digestpress.content.YamlParser;
import org.digestpress.problem.Problems;

/**
 * {@code digest new}: a new issue folder or a new article, written from the archetypes in
 * {@code templates/archetypes/} (FreeMarker, plain text). Nothing that exists is ever overwritten.
 */
public final class Archetypes {

    private static final Pattern ISSUE_NAME = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)[-_].*");
    /** Issue years a digest can plausibly have: a typo such as 0202 or 20255 is caught, not made. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    private final Assets templates;

    public Archetypes(Assets templates) {
        this.templates = templates;
    }

    /**
     * Makes {@code root/YYYY-MM/} with {@code issue.yaml} (number = the previous issue's + 1) and one
     * folder per section of the publication.
     *
     * @return the files and folders made, or an empty list after reporting why nothing was made
     */
    public List<Path> newIssue(Path root, String name, Problems problems) {
        Publication publication = PublicationLoader.load(root, problems);
        if (publication == null) {
            return List.of();
        }
        YearMonth date = issueMonth(name, problems);
        if (date == null) {
            return List.of();
        }
        Path dir = publication.root().resolve(date.toString());
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            problems.error(dir, 0, 0, "The issue " + date + " already exists" + (Files.isSymbolicLink(dir)
                    ? " (as a link)" : "") + "; nothing was changed.");
            return List.of();
        }
        int number = previousNumber(publication.root(), date, problems) + 1;
        String yaml = fill("issue.yaml.ftl", Map.of("number", number, "date", date.toString()), problems);
        if (yaml == null) {
            return List.of();
        }
        List<Path> made = new ArrayList<>();
        try {
            Files.createDirectory(dir);
            made.add(dir);
            Path file = dir.resolve("issue.yaml");
            CreateOnly.write(file, yaml);
            made.add(file);
            for (Section section : publication.sections()) {
                made.add(Files.createDirectory(dir.resolve(section.id())));
            }
        } catch (FileAlreadyExistsException e) {
            problems.error(Path.of(e.getFile()), 0, 0, "This already exists (made at the same moment by something "
                    + "else?); nothing more was made.");
        } catch (IOException e) {
            problems.error(dir, 0, 0, "The issue folder cannot be made: " + e.getMessage() + ".");
        }
        return made;
    }

    /**
     * The month of {@code name} when it is a plausible issue name (YYYY-MM, year {@value #FIRST_YEAR}
     * to {@value #LAST_YEAR}, month 01 to 12), else null after saying what is wrong with it.
     */
    static YearMonth issueMonth(String name, Problems problems) {
        String why = null;
        if (!ISSUE_NAME.matcher(name).matches()) {
            why = "'" + name + "' is not";
        } else {
            int year = Integer.parseInt(name.substring(0, 4));
            int month = Integer.parseInt(name.substring(5));
            if (month < 1 || month > 12) {
                why = "in '" + name + "' the month " + name.substring(5) + " is not one of 01 to 12";
            } else if (year < FIRST_YEAR || year > LAST_YEAR) {
                why = "in '" + name + "' the year " + name.substring(0, 4) + " is not between " + FIRST_YEAR
                        + " and " + LAST_YEAR;
            }
        }
        if (why != null) {
            problems.error(null, 0, 0, "The new issue must be named by year and month as YYYY-MM, e.g. "
                    + YearMonth.now() + "; " + why + ".");
            return null;
        }
        return YearMonth.parse(name);
    }

    /** The number of the newest issue before {@code date}, or 0 when there is none. */
    private static int previousNumber(Path root, YearMonth date, Problems problems) {
        List<Path> before = IssueLoader.issueFolders(root).stream()
                .filter(p -> p.getFileName().toString().compareTo(date.toString()) < 0).toList();
        if (before.isEmpty()) {
            return 0;
        }
        Path file = before.get(before.size() - 1).resolve("issue.yaml");
        if (!Confinement.inside(file, root)) {
            // read by the build's rule too: nothing outside the publication, even through a link
            problems.warning(file, 0, 0, "The previous issue's issue.yaml leads outside the publication folder and "
                    + "is not read; the new issue is number 1. Correct it in the new issue.yaml.");
            return 0;
        }
        try {
            Problems ignored = new Problems();
            YamlNode node = YamlParser.parse(Files.readString(file), file, 0, ignored);
            if (node instanceof YamlNode.Mapping mapping && mapping.entries().get("number") != null
                    && mapping.entries().get("number").value() instanceof YamlNode.Scalar s && s.value() != null) {
                return Integer.parseInt(s.value().strip());
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the warning
        }
        problems.warning(file, 0, 0, "The previous issue has no readable 'number'; the new one is number 1. "
                + "Correct it in the new issue.yaml.");
        return 0;
    }

    /**
     * Writes {@code <newest issue>/<section>/NN-slug.md} with NN the next free number and the slug
     * the title in Latin letters ({@link Transliteration}).
     *
     * @return the new file, or null after reporting why nothing was written
     */
    public Path newArticle(Path root, String sectionId, String title, LocalDate today, Problems problems) {
        Publication publication = PublicationLoader.load(root, problems);
        if (publication == null) {
            return null;
        }
        if (publication.section(sectionId).isEmpty()) {
            problems.error(publication.file(), 0, 0, "There is no section '" + sectionId + "'; the sections of "
                    + "publication.yaml are: " + String.join(", ", publication.sections().stream().map(Section::id).toList())
                    + ".");
            return null;
        }
        if (title.isBlank()) {
            problems.error(null, 0, 0, "The new article needs a title, e.g. digest new article " + sectionId
                    + " \"Title of the news\".");
            return null;
        }
        Optional<String> refusal = ArticleTitle.refusal(title);
        if (refusal.isPresent()) {
            problems.error(null, 0, 0, refusal.get());
            return null;
        }
        Optional<Path> issue = IssueLoader.newestIssue(publication.root());
        if (issue.isEmpty()) {
            problems.error(publication.root(), 0, 0, "There is no issue yet; make one first with "
                    + "'digest new issue " + YearMonth.from(today) + "'.");
            return null;
        }
        Path folder = issue.get().resolve(sectionId);
        if (leadsOutside(issue.get(), publication, "The newest issue folder", problems)
                || leadsOutside(folder, publication, "The section folder", problems)) {
            return null;
        }
        // The placeholder text is in the publication's language, from its labels.
        Labels labels = Labels.load(templates, publication.language(), new Problems());
        String body = labels.all().getOrDefault("archetype_body", "Write the text here in Markdown.");
        String text = fill("article.md.ftl", Map.of("title", ArticleTitle.yaml(title.strip()), "date",
                today.toString(), "body", body), problems);
        if (text == null) {
            return null;
        }
        try {
            Files.createDirectories(folder);
            // checked again now that the folder exists: a link put in its place meanwhile is caught too
            if (leadsOutside(folder, publication, "The section folder", problems)) {
                return null;
            }
            int next = nextNumber(folder);
            Path file = folder.resolve(String.format("%02d-%s.md", next, Transliteration.slug(title)));
            CreateOnly.write(file, text);
            return file;
        } catch (FileAlreadyExistsException e) {
            problems.error(Path.of(e.getFile()), 0, 0, "Something with this name already exists (made at the same "
                    + "moment by something else?); nothing was changed. Run the command again for the next number.");
        } catch (IOException e) {
            problems.error(folder, 0, 0, "The article cannot be written: " + e.getMessage() + ".");
        }
        return null;
    }

    /**
     * {@code new} writes only inside the publication, by the rule the build reads by: real paths,
     * every link followed. Reports and returns true when {@code path} leads elsewhere.
     */
    private static boolean leadsOutside(Path path, Publication publication, String what, Problems problems) {
        if (Confinement.inside(path, publication.root())) {
            return false;
        }
        problems.error(path, 0, 0, what + " is a link to " + Confinement.real(path) + ", outside the publication "
                + "folder " + publication.root() + "; digest new writes only inside it.");
        return true;
    }

    private static int nextNumber(Path folder) throws IOException {
        int highest = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher m = NUMBERED.matcher(file.getFileName().toString());
                if (m.matches() && m.group(1).length() < 6) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return highest + 1;
    }

    private String fill(String name, Map<String, Object> model, Problems problems) {
        Optional<byte[]> bytes = templates.read("archetypes/" + name);
        if (bytes.isEmpty()) {
            problems.error(null, 0, 0, "There is no archetypes/" + name + " in " + templates.describe() + ".");
            return null;
        }
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setLogTemplateExceptions(false);
        Path file = templates.folder().map(f -> f.resolve("archetypes").resolve(name)).orElse(Path.of("templates",
                "archetypes", name));
        try {
            Template template = new Template(name, new StringReader(new String(bytes.get(), StandardCharsets.UTF_8)),
                    configuration);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (freemarker.core.ParseException e) {
            problems.error(file, e.getLineNumber(), e.getColumnNumber(), "The archetype has a syntax error: "
                    + e.getEditorMessage());
        } catch (TemplateException e) {
            problems.error(file, e.getLineNumber() == null ? 0 : e.getLineNumber(), 0, "The archetype failed: "
                    + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
        } catch (IOException e) {
            problems.error(file, 0, 0, "The archetype cannot be read: " + e.getMessage() + ".");
        }
        return null;
    }
}
