package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everyday mistakes reported as a plain sentence with the fix, at the line and column where the
 * mistake is (not where the parser happened to notice it), and nothing misleading on top: YAML
 * with a colon in a value, a no-break space pasted from Word, a quote never closed; an article not
 * in UTF-8; a link whose {@code javascript:} is written with character references; an image path
 * with a space. Through the real command line on a copy of the fixture; every source file keeps
 * its bytes.
 */
class PlainMessagesTest {

    @TempDir
    Path temp;

    interface Breakage {
        void apply(Path publication) throws IOException;
    }

    static Stream<Arguments> cases() {
        String filler = "Абзац.\n\n".repeat(20);
        return Stream.of(
                article("a colon in an unquoted title", "title: Завод: запуск линии\n", "Текст.\n", 1,
                        List.of("03-bad.md:2:8: error: The value of 'title' holds a colon followed by a space, which "
                                + "YAML reads as the start of another key: put the value in quotes, e.g. "
                                + "title: \"Завод: запуск линии\".")),
                article("a colon in a long unquoted lead", "title: Т\nlead: " + "слово ".repeat(20) + "итог: рост\n",
                        "Текст.\n", 1, List.of("03-bad.md:3:7: error: The value of 'lead' holds a colon",
                                "put the value in quotes, e.g. lead: \"…\".")),
                article("a no-break space after title:", "title:\u00A0Завод\nlead: Линия\n", "Текст.\n", 1,
                        List.of("03-bad.md:2:7: error: There is a no-break space (U+00A0, often pasted from Word) "
                                + "after 'title:'; YAML needs an ordinary space there. Replace it with a space.")),
                article("a no-break space after a list dash", "title: Т\ntags:\n  - кластеры\n  -\u00A0заводы\n",
                        "Текст.\n", 1, List.of("03-bad.md:5:4: error: There is a no-break space (U+00A0")),
                article("a double quote never closed", "title: \"Завод\nlead: Линия\nregion: Москва\n", "Текст.\n", 1,
                        List.of("03-bad.md:2:8: error: The quote \" opened here is not closed on this line; end the "
                                + "value with \", e.g. title: \"Завод\".")),
                article("a single quote never closed", "title: Т\nlead: 'Линия\n", "Текст.\n", 1,
                        List.of("03-bad.md:3:7: error: The quote ' opened here is not closed on this line")),
                article("a quote closed on the next line is not blamed for a later error",
                        "title: \"Завод\n  №1\"\nlead: [не закрыт\n", "Текст.\n", 1,
                        List.of(": error: The YAML here is not valid: ")),
                article("a no-break space inside a value is fine", "title: Завод\u00A0№\u00A01: итоги\"\n"
                        .replace(": итоги\"", " итоги"), "Текст.\n", 0, List.of()),
                Arguments.of("an article in cp1251 is the only one", (Breakage) p -> {
                    for (String section : List.of("news", "briefs", "research")) {
                        try (Stream<Path> files = Files.list(p.resolve("2030-01").resolve(section))) {
                            for (Path f : files.toList()) {
                                Files.delete(f);
                            }
                        }
                    }
                    CliHarness.write(p.resolve("2030-01/news/01-bad.md"), CliHarness.article("title: Кодировка\n",
                            "Первая строка.\n").getBytes(Charset.forName("windows-1251")));
                }, 1, List.of("2030-01/news/01-bad.md:2:8: error: The file is not UTF-8 text (byte 0xCA here); "
                        + "save it as UTF-8."), new String[] {"has no articles"}),
                article("javascript: written as a decimal reference", "title: Т\n",
                        filler + "Ссылка [x](&#106;avascript:alert(1)) здесь.\n", 1,
                        List.of("03-bad.md:44: error: The link 'javascript:alert(1)'")),
                article("javascript: written as a hexadecimal reference", "title: Т\n",
                        filler + "\n\nСсылка [x](&#x6A;avascript:alert(1)).\n", 1,
                        List.of("03-bad.md:46: error: The link 'javascript:alert(1)'")),
                article("javascript: with a colon reference in a reference definition", "title: Т\n",
                        "См. [тут][r].\n\n" + filler + "[r]: javascript&#58;alert(1)\n", 1,
                        List.of("03-bad.md:46: error: The link 'javascript:alert(1)'")),
                article("an image path with a space", "title: Т\n",
                        filler + "![Схема](../images/my scheme.svg)\n", 0,
                        List.of("03-bad.md:44:1: warning: This image was not recognised because its path has a space: "
                                + "write the path in angle brackets, ![Схема](<../images/my scheme.svg>).")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsThePlainSentenceAtItsLine(String name, Breakage breakage, int exit, List<String> expected,
                                          String[] absent) throws IOException {
        CliHarness cli = new CliHarness(temp);
        breakage.apply(cli.publication());
        Files.createDirectories(cli.publication().resolve("2030-01/images"));
        Files.copy(cli.publication().resolve("2030-01/images/scheme.svg"),
                cli.publication().resolve("2030-01/images/my scheme.svg"));
        Path previous = cli.root().resolve("out/issue.pdf");
        CliHarness.write(previous, "%PDF-1.7 the previous issue".getBytes(StandardCharsets.US_ASCII));
        Map<Path, String> before = cli.snapshot();
        CliHarness.Outcome outcome = cli.run("build", cli.publication().resolve("2030-01").toString(), "-o",
                (exit == 0 ? cli.root().resolve("out/new.pdf") : previous).toString());
        assertEquals(exit, outcome.exit(), outcome.err());
        for (String line : expected) {
            assertTrue(outcome.err().contains("2030-01/news/" + line) || outcome.err().contains(line),
                    "expected «" + line + "» in:\n" + outcome.err());
        }
        for (String line : absent) {
            assertFalse(outcome.err().contains(line), "not «" + line + "» in:\n" + outcome.err());
        }
        if (exit != 0) {
            assertEquals(1, outcome.err().lines().filter(l -> l.contains(": error: ")).count(),
                    "exactly one error, nothing that follows from it:\n" + outcome.err());
        }
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, cli.snapshot());
    }

    private static Arguments article(String name, String frontMatter, String body, int exit, List<String> expected) {
        return Arguments.of(name, (Breakage) p -> CliHarness.write(p.resolve("2030-01/news/03-bad.md"),
                CliHarness.article(frontMatter, body)), exit, expected, new String[0]);
    }
}
