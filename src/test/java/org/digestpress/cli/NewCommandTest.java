package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest new issue} and {@code digest new article} on a copy of the fixture publication. */
class NewCommandTest {

    @TempDir
    Path temp;

    @Test
    void aNewIssueGetsTheNextNumberAndAFolderPerSection() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "issue", "2030-02", "--content", cli.publication().toString());
        assertEquals(0, outcome.exit(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        Path issue = cli.publication().resolve("2030-02");
        String yaml = Files.readString(issue.resolve("issue.yaml"));
        assertTrue(yaml.contains("number: 2\n"), yaml);
        assertTrue(yaml.contains("date: \"2030-02\""), yaml);
        for (String section : List.of("news", "briefs", "research")) {
            assertTrue(Files.isDirectory(issue.resolve(section)), section);
        }
        assertTrue(outcome.out().contains("2030-02/issue.yaml"), outcome.out());
        CliHarness.assertUnchanged(before, cli.snapshot());
    }

    @Test
    void aNewArticleGoesIntoTheNewestIssueWithTheNextNumberAndALatinName() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "news", "Щёлковский кластер: «Юг» и Хабаровск",
                "--content", cli.publication().toString());
        assertEquals(0, outcome.exit(), outcome.err());
        Path file = cli.publication().resolve("2030-01/news/03-shchelkovskii-klaster-iug-i-khabarovsk.md");
        assertTrue(Files.isRegularFile(file), outcome.out() + listing(cli.publication().resolve("2030-01/news")));
        assertTrue(outcome.out().strip().endsWith("2030-01/news/03-shchelkovskii-klaster-iug-i-khabarovsk.md"),
                outcome.out());
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\ntitle: \"Щёлковский кластер: «Юг» и Хабаровск\"\n"), text);
        assertTrue(text.contains("\ndate: " + LocalDate.now() + "\n"), text);
        assertTrue(text.contains("\ndraft: true"), text);
        // the placeholder body is in the publication's language (Russian here), from its labels
        assertTrue(text.contains("\nТекст новости в Markdown"), text);
        for (String key : List.of("lead", "source", "region", "tags", "image", "weight", "language")) {
            assertTrue(text.contains("\n# " + key + ":"), key + " is offered, commented");
        }
        CliHarness.assertUnchanged(before, cli.snapshot());

        // The new draft is a valid article: the issue still checks clean with it included.
        CliHarness.Outcome check = cli.run("check", cli.publication().resolve("2030-01").toString(), "--drafts");
        assertEquals(0, check.exit(), check.err());

        CliHarness.Outcome second = cli.run("new", "article", "news", "Щёлковский кластер: «Юг» и Хабаровск",
                "--content", cli.publication().toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(Files.isRegularFile(cli.publication().resolve(
                "2030-01/news/04-shchelkovskii-klaster-iug-i-khabarovsk.md")), "the same title twice: a new number");
        assertEquals(text, Files.readString(file), "the first one untouched");
    }

    @Test
    void anExistingIssueIsNeverOverwritten() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "issue", "2030-01", "--content", cli.publication().toString());
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("already exists"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(before, cli.snapshot());
    }

    @Test
    void anUnknownSectionIsRefusedNamingTheSections() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "sport", "Матч", "--content",
                cli.publication().toString());
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("no section 'sport'") && outcome.err().contains("news, briefs, research"),
                outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(before, cli.snapshot());
    }

    @Test
    void aMalformedDateIsRefusedShowingTheForm() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        for (String bad : List.of("2030-13", "2030-1", "июль", "2030-07-01", "0000-01", "2030-00", "1899-12",
                "2200-01", "٢٠٣٠-٠١")) {
            CliHarness.Outcome outcome = cli.run("new", "issue", bad, "--content", cli.publication().toString());
            assertEquals(1, outcome.exit(), bad);
            assertTrue(outcome.err().contains("YYYY-MM") && outcome.err().contains("'" + bad + "'"), outcome.err());
            CliHarness.assertNoJavaNoise(outcome);
        }
        assertEquals(before, cli.snapshot());
        assertFalse(Files.exists(cli.publication().resolve("2030-13")));
    }

    @Test
    void anImplausibleYearOrMonthIsNamedInTheSentence() {
        CliHarness cli = new CliHarness(temp);
        CliHarness.Outcome year = cli.run("new", "issue", "0000-01", "--content", cli.publication().toString());
        assertEquals(1, year.exit(), "a bad name, like the other refusals of new");
        assertTrue(year.err().contains("the year 0000 is not between 1900 and 2199"), year.err());
        CliHarness.Outcome month = cli.run("new", "issue", "2030-13", "--content", cli.publication().toString());
        assertTrue(month.err().contains("the month 13 is not one of 01 to 12"), month.err());
        assertFalse(Files.exists(cli.publication().resolve("0000-01")));
    }

    @Test
    void aLinkAtTheNewIssueNameIsNotFollowed() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path nowhere = temp.resolve("elsewhere/2030-02");
        Files.createSymbolicLink(cli.publication().resolve("2030-02"), nowhere);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "issue", "2030-02", "--content", cli.publication().toString());
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("The issue 2030-02 already exists (as a link); nothing was changed."),
                outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertFalse(Files.exists(temp.resolve("elsewhere")), "nothing made where the link leads");
        assertEquals(before, cli.snapshot());
    }

    @Test
    void aLinkedSectionFolderIsNotWrittenThrough() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path news = cli.publication().resolve("2030-01/news");
        Path moved = temp.resolve("news-moved");
        Files.move(news, moved);
        Files.createSymbolicLink(news, elsewhere);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "news", "Утечка", "--content",
                cli.publication().toString());
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("2030-01/news: error: The section folder is a link to " + elsewhere.toRealPath())
                && outcome.err().contains("outside the publication folder"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(List.of(), listing(elsewhere), "nothing written where the link leads");
        assertEquals(before, cli.snapshot());
    }

    @Test
    void aLinkedNewestIssueIsNotWrittenThrough() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createDirectories(elsewhere.resolve("news"));
        Files.createSymbolicLink(cli.publication().resolve("2030-02"), elsewhere);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "news", "Утечка", "--content",
                cli.publication().toString());
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("2030-02: error: The newest issue folder is a link to"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(List.of(), listing(elsewhere.resolve("news")), "nothing written where the link leads");
        assertEquals(before, cli.snapshot());
    }

    @Test
    void aLinkAtAnArticleNameIsNeitherFollowedNorReplaced() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path target = temp.resolve("victim.md");
        Path news = cli.publication().resolve("2030-01/news");
        // a dangling link and a link to a file, both with the names new would pick next
        Files.createSymbolicLink(news.resolve("03-utechka.md"), target);
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("new", "article", "news", "Утечка", "--content",
                cli.publication().toString());
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(Files.isRegularFile(news.resolve("04-utechka.md"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(target), "the link's target was not created");
        CliHarness.assertUnchanged(before, cli.snapshot());
    }

    @Test
    void aTitleWithACharacterTheBuildRefusesIsRefusedUpFront() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Map<Path, String> before = cli.snapshot();
        for (String title : List.of("Заголовок\u0001", "a\uFFFEb", "x\u001Fy", "\uD800")) {
            String raw = title.translateEscapes();
            CliHarness.Outcome outcome = cli.run("new", "article", "news", raw, "--content",
                    cli.publication().toString());
            assertEquals(1, outcome.exit(), title);
            int bad = org.digestpress.content.XmlCharacters.firstInvalid(raw);
            assertTrue(outcome.err().contains("control character " + String.format("U+%04X", (int) raw.charAt(bad)))
                    && outcome.err().contains("nothing was made"), outcome.err());
            CliHarness.assertNoJavaNoise(outcome);
        }
        assertEquals(before, cli.snapshot(), "no file made");
    }

    @Test
    void titlesWithYamlSyntaxAreReadBackByTheBuildUnchanged() throws IOException {
        CliHarness cli = new CliHarness(temp);
        List<String> titles = List.of("Цитата: «кавычки» и \"прямые\" тоже", "C:\\путь\\к\\файлу", "- список?",
                "# не комментарий", "key: value: more", "'одинарные'", "{скобки: [1, 2]}", "&якорь *ссылка !тег",
                "% директива", "---", "...", "@ и `", "строка\nвторая", "таб\tвнутри", "\\n буквально",
                "yes", "null", "~", "0x1F", "1e3", "Неразрывный\u00a0пробел", "ё\u0301", "эмодзи 🚀", "\u2028разрыв",
                "\u0085", "a\uFEFFb", "> больше | труба", "тире — и – дефис");
        for (String title : titles) {
            // "--" ends the options, so a title may start with "-"
            CliHarness.Outcome outcome = cli.run("new", "article", "--content", cli.publication().toString(), "--",
                    "news", title);
            assertEquals(0, outcome.exit(), title + ": " + outcome.err());
        }
        org.digestpress.problem.Problems problems = new org.digestpress.problem.Problems();
        var publication = org.digestpress.content.PublicationLoader.load(cli.publication(), problems);
        var issue = org.digestpress.content.IssueLoader.load(publication, cli.publication().resolve("2030-01"), true,
                problems);
        assertTrue(problems.all().isEmpty(), problems.all().toString());
        List<String> read = issue.sections().stream().flatMap(s -> s.articles().stream())
                .filter(a -> a.file().getFileName().toString().compareTo("03") >= 0 && a.sectionId().equals("news"))
                .sorted(java.util.Comparator.comparing(a -> a.file().getFileName().toString()))
                .map(org.digestpress.content.Article::title).toList();
        assertEquals(titles.stream().map(String::strip).toList(), read);
        CliHarness.Outcome check = cli.run("check", cli.publication().resolve("2030-01").toString(), "--drafts");
        assertEquals(0, check.exit(), check.err());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
