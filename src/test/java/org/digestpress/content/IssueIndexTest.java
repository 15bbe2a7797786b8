package org.digestpress.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.digestpress.BuiltIssue;
import org.digestpress.problem.Problem;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueIndexTest {

    @Test
    void abbreviationsCaseAndYoDoNotMakeANewRegion() {
        assertEquals(IssueIndex.normalise("Томская область"), IssueIndex.normalise("Томская обл."));
        assertEquals(IssueIndex.normalise("Республика Крым"), IssueIndex.normalise("респ. Крым"));
        assertEquals(IssueIndex.normalise("Алтайский край"), IssueIndex.normalise("Алтайский  кр."));
        assertEquals(IssueIndex.normalise("город Орёл"), IssueIndex.normalise("г. Орел"));
        assertTrue(!IssueIndex.normalise("Томская область").equals(IssueIndex.normalise("Омская область")));
    }

    @Test
    void regionsSortByTheLanguageWithYoAmongE() {
        List<IssueIndex.Entry> sorted = IssueIndex.sorted(Stream.of("Жуковский", "Есенинский", "Ёлкинский",
                "Елабужский", "Абинский").map(n -> new IssueIndex.Entry(n, List.of("a"))).toList(), "ru");
        assertEquals(List.of("Абинский", "Елабужский", "Ёлкинский", "Есенинский", "Жуковский"),
                sorted.stream().map(IssueIndex.Entry::name).toList());
    }

    @Test
    void aRegionListIsReadInOrderAndATwoRegionArticleIsUnderBoth(@TempDir Path temp) throws IOException {
        Path publication = copyFixture(temp);
        Path news = publication.resolve("2030-01/news/01-zavod.md");
        Files.writeString(news, Files.readString(news, StandardCharsets.UTF_8)
                .replace("region: Калужская область", "region: [Калужская область, Тульская область]"), StandardCharsets.UTF_8);
        Problems problems = new Problems();
        Issue issue = load(publication, problems);
        Article article = issue.articles().stream().filter(a -> a.file().equals(news)).findFirst().orElseThrow();
        assertEquals("Калужская область, Тульская область", article.region());
        List<IssueIndex.Entry> regions = IssueIndex.regions(issue, "ru", problems);
        assertEquals(List.of("Калужская область", "Томская область", "Тульская область"),
                regions.stream().map(IssueIndex.Entry::name).toList());
        assertEquals(regions.get(0).articleKeys(), regions.get(2).articleKeys());
        assertEquals(List.of(), problems.all());
    }

    @Test
    void aRegionSpelledTwoWaysIsAWarningNamingBothPlaces(@TempDir Path temp) throws IOException {
        Path publication = copyFixture(temp);
        Path brief = publication.resolve("2030-01/briefs/01-forum.md");
        Files.writeString(brief, Files.readString(brief, StandardCharsets.UTF_8)
                .replace("source: Тестовое агентство", "source: Тестовое агентство\nregion: томская обл."), StandardCharsets.UTF_8);
        Problems problems = new Problems();
        Issue issue = load(publication, problems);
        List<IssueIndex.Entry> regions = IssueIndex.regions(issue, "ru", problems);
        assertEquals(List.of("Калужская область", "Томская область"), regions.stream().map(IssueIndex.Entry::name).toList());
        assertEquals(2, regions.get(1).articleKeys().size(), "both articles under the first spelling");
        List<Problem> warnings = problems.all();
        assertEquals(1, warnings.size(), warnings.toString());
        Problem warning = warnings.get(0);
        assertEquals(brief, warning.file());
        assertEquals(4, warning.line());
        assertTrue(warning.message().contains("'томская обл.'") && warning.message().contains("'Томская область'")
                && warning.message().contains("news/02-klaster.md:6"), warning.message());
    }

    @Test
    void tagsAreListedOnceWhateverTheirCase(@TempDir Path temp) throws IOException {
        Path publication = copyFixture(temp);
        Path brief = publication.resolve("2030-01/briefs/02-reestr.md");
        Files.writeString(brief, Files.readString(brief, StandardCharsets.UTF_8)
                .replace("tags: [реестр]", "tags: [Реестр, мероприятия]"), StandardCharsets.UTF_8);
        Problems problems = new Problems();
        List<IssueIndex.Entry> tags = IssueIndex.tags(load(publication, problems), "ru");
        IssueIndex.Entry events = tags.stream().filter(e -> e.name().equals("мероприятия")).findFirst().orElseThrow();
        assertEquals(2, events.articleKeys().size(), tags.toString());
        assertEquals(1, tags.stream().filter(e -> e.name().equalsIgnoreCase("реестр")).count(), tags.toString());
    }

    private static Issue load(Path publication, Problems problems) {
        Publication p = PublicationLoader.load(publication, problems);
        return IssueLoader.load(p, publication.resolve("2030-01"), false, problems);
    }

    static Path copyFixture(Path temp) throws IOException {
        Path target = temp.resolve("publication");
        try (Stream<Path> files = Files.walk(BuiltIssue.FIXTURE)) {
            for (Path file : files.sorted().toList()) {
                Path to = target.resolve(BuiltIssue.FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }
}
