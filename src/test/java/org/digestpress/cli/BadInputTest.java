package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of broken input, run through the real command line: the problem is reported as
 * file:line: error: sentence, the exit code is 1, there is no stack trace, and a PDF already at the
 * output path stays byte-for-byte as it was.
 */
class BadInputTest {

    private static final byte[] PREVIOUS_PDF = "%PDF-1.7 previous issue, must survive".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    record Outcome(int exit, String out, String err) {
    }

    private Path copyFixture() throws IOException {
        Path target = temp.resolve("publication");
        try (Stream<Path> files = Files.walk(BuiltIssue.FIXTURE)) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(BuiltIssue.FIXTURE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
        return target;
    }

    private Outcome build(Path publication) throws IOException {
        Path output = temp.resolve("out/issue.pdf");
        Files.createDirectories(output.getParent());
        Files.write(output, PREVIOUS_PDF);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DigestCommand.execute(new PrintWriter(out), new PrintWriter(err), "build",
                "--templates", BuiltIssue.REPO.resolve("templates").toString(),
                "--fonts", BuiltIssue.REPO.resolve("fonts").toString(),
                publication.resolve("2030-01").toString(), "-o", output.toString());
        assertArrayEquals(PREVIOUS_PDF, Files.readAllBytes(output), "the previous PDF is untouched");
        try (Stream<Path> leftovers = Files.list(output.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
        return new Outcome(exit, out.toString(), err.toString());
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String article(String frontMatter, String body) {
        return "---\n" + frontMatter + "---\n" + body;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing publication.yaml", (Consumer<Path>) p -> delete(p.resolve("publication.yaml")),
                        "publication.yaml: error: Every publication needs a publication.yaml"),
                Arguments.of("malformed publication.yaml", (Consumer<Path>) p -> write(p.resolve("publication.yaml"),
                        "title: Вестник\nlanguage: ru\nsections: [\n  - id: news\n"),
                        "publication.yaml:4:3: error: The YAML here is not valid"),
                Arguments.of("missing issue.yaml", (Consumer<Path>) p -> delete(p.resolve("2030-01/issue.yaml")),
                        "2030-01/issue.yaml: error: Every issue folder needs an issue.yaml"),
                Arguments.of("malformed issue.yaml", (Consumer<Path>) p -> write(p.resolve("2030-01/issue.yaml"),
                        "number: 1\ndate: \"2030-01\"\npublications:\n  - title: [unclosed\n"),
                        "2030-01/issue.yaml:5:1: error: The YAML here is not valid"),
                Arguments.of("broken front matter", (Consumer<Path>) p -> write(p.resolve("2030-01/news/03-bad.md"),
                        article("title: Хорошо\nsource: {name: ТАСС\n", "Текст.\n")),
                        "2030-01/news/03-bad.md:4:1: error: The YAML here is not valid"),
                Arguments.of("front matter never closed", (Consumer<Path>) p -> write(p.resolve("2030-01/news/03-bad.md"),
                        "---\ntitle: Без конца\n\nТекст.\n"),
                        "2030-01/news/03-bad.md:1:1: error: The front matter opened here is never closed"),
                Arguments.of("missing title", (Consumer<Path>) p -> write(p.resolve("2030-01/news/03-bad.md"),
                        article("lead: Нет заголовка\n", "Текст.\n")),
                        "2030-01/news/03-bad.md:2: error: The front matter needs a 'title'."),
                Arguments.of("article outside a declared section", (Consumer<Path>) p -> write(p.resolve("2030-01/sport/01-match.md"),
                        article("title: Матч\n", "Текст.\n")),
                        "2030-01/sport/01-match.md:1:1: error: This article is in the folder 'sport', which is not a section"),
                Arguments.of("image that does not exist", (Consumer<Path>) p -> write(p.resolve("2030-01/news/03-bad.md"),
                        article("title: Фото\nimage:\n  src: ../images/nope.png\n  alt: Нет\n", "Текст.\n")),
                        "2030-01/news/03-bad.md:4: error: The image '../images/nope.png' does not exist"),
                Arguments.of("image on the network", (Consumer<Path>) p -> write(p.resolve("2030-01/news/03-bad.md"),
                        article("title: Фото\n", "Текст.\n\n![Фото](https://example.org/photo.png)\n")),
                        "2030-01/news/03-bad.md:6: error: The image 'https://example.org/photo.png' is on the network"),
                Arguments.of("path that leaves the publication", (Consumer<Path>) p -> write(p.resolve("2030-01/news/03-bad.md"),
                        article("title: Пароли\nimage:\n  src: ../../../../../../../../etc/passwd\n", "Текст.\n")),
                        "2030-01/news/03-bad.md:4: error: The image '../../../../../../../../etc/passwd' points outside the publication folder"),
                Arguments.of("empty issue", (Consumer<Path>) p -> {
                            for (String s : new String[] {"news", "briefs", "research"}) {
                                deleteTree(p.resolve("2030-01").resolve(s));
                            }
                        },
                        "2030-01/issue.yaml: error: The issue has no articles"),
                Arguments.of("non-UTF-8 file", (Consumer<Path>) p -> {
                            try {
                                Files.write(p.resolve("2030-01/news/03-bad.md"), article("title: Кодировка\n",
                                        "Первая строка.\nВторая строка в cp1251.\n").getBytes(Charset.forName("windows-1251")));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        "2030-01/news/03-bad.md:2:8: error: The file is not UTF-8 text (byte 0xCA here); save it as UTF-8."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsFileLineAndKeepsThePreviousPdf(String name, Consumer<Path> breakIt, String expected) throws IOException {
        Path publication = copyFixture();
        breakIt.accept(publication);
        Outcome outcome = build(publication);
        assertEquals(DigestCommand.CONTENT_ERRORS, outcome.exit(), outcome.err());
        String err = outcome.err().replace(publication.toAbsolutePath() + "/", "").replace('\\', '/');
        assertTrue(err.lines().anyMatch(l -> l.contains(expected)), "expected «" + expected + "» in:\n" + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace:\n" + err);
        assertTrue(err.strip().endsWith("no PDF was written."), err);
    }

    @Test
    void reportsAllProblemsOfARunTogether() throws IOException {
        Path publication = copyFixture();
        write(publication.resolve("2030-01/news/03-a.md"), article("lead: без заголовка\n", "Текст.\n"));
        write(publication.resolve("2030-01/news/04-b.md"), article("title: Фото\nimage:\n  src: missing.svg\n", "Текст.\n"));
        write(publication.resolve("2030-01/briefs/03-c.md"), article("title: Опечатка\ntitel: Ошибка\n", "См. @fig:nope.\n"));
        Outcome outcome = build(publication);
        assertEquals(DigestCommand.CONTENT_ERRORS, outcome.exit());
        String err = outcome.err();
        assertTrue(err.contains("03-a.md:2: error:"), err);
        assertTrue(err.contains("04-b.md:4: error:"), err);
        assertTrue(err.contains("03-c.md:3:1: warning: Unknown key 'titel'"), err);
        assertTrue(err.contains("did you mean 'title'?"), err);
        assertTrue(err.contains("03-c.md:5: error: '@fig:nope' refers to no figure"), err);
        assertTrue(err.contains("3 errors, 1 warning; no PDF was written."), err);
    }

    @Test
    void usageErrorsExitWithTwo() {
        StringWriter err = new StringWriter();
        int exit = DigestCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "--no-such-option");
        assertEquals(DigestCommand.USAGE, exit);
        assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
    }

    @Test
    void helpIsAvailableOnEveryCommand() {
        for (String command : new String[] {"build", "check"}) {
            StringWriter out = new StringWriter();
            int exit = DigestCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), command, "--help");
            assertEquals(0, exit);
            assertTrue(out.toString().contains("Usage: digest " + command), out.toString());
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(BadInputTest::delete);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
