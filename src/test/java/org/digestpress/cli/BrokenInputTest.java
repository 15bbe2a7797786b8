package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input through the real command line, on a copy of the fixture: characters
 * XML cannot hold, YAML nested too deep, values and files past the limits, images that cannot be
 * decoded or that fetch from elsewhere, footnotes without text, unknown languages, a template that
 * breaks the markup. Each ends with the exit code a user expects, the file and line to fix, no
 * Java noise on the terminal, and every file that existed before the run unchanged (the previous
 * PDF at the output path included).
 */
class BrokenInputTest {

    private static final String ISSUE = "2030-01";

    @TempDir
    Path temp;

    /** What a case does to the publication (and, for templates, to the harness root). */
    interface Breakage {
        void apply(Path publication, Path root) throws IOException;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // characters XML cannot hold
                broken("character reference to a lone surrogate", article("title: Т\n", "Текст &#xD800; здесь.\n"),
                        1, "2030-01/news/03-bad.md:4:7: error: The character reference &#xD800;"),
                broken("character reference to NUL", article("title: Т\n", "Ноль: &#0;.\n"),
                        1, "2030-01/news/03-bad.md:4:7: error: The character reference &#0;"),
                broken("character reference to U+0001 in a raw HTML table",
                        article("title: Т\n", "<table><tr><td>a&#1;b</td></tr></table>\n"),
                        1, "2030-01/news/03-bad.md:4:17: error: The character reference &#1;"),
                broken("hexadecimal reference past Unicode", article("title: Т\n", "Текст &#x110000; здесь.\n"),
                        1, "2030-01/news/03-bad.md:4:7: error: The character reference &#x110000;"),
                broken("raw U+0001 byte in the body", article("title: Т\n", "Текст\u0001.\n"),
                        1, "2030-01/news/03-bad.md:4:6: error: The invisible control character U+0001"),
                broken("raw U+0001 byte in the front matter", article("title: Т\u0001\n", "Текст.\n"),
                        1, "2030-01/news/03-bad.md:2:"),
                broken("escaped control character in a title", article("title: \"a\\u0001b\"\n", "Текст.\n"),
                        1, "2030-01/news/03-bad.md:2:8: error: This value holds the control character U+0001"),
                broken("escaped lone surrogate in a lead", article("title: Т\nlead: \"x\\uD800y\"\n", "Текст.\n"),
                        1, "2030-01/news/03-bad.md:3:"),
                edit("escaped control character in issue.yaml", "2030-01/issue.yaml",
                        "number: 1\ndate: \"2030-01\"\ninside_cover: \"Обсерватория\\u0007\"\n",
                        1, "2030-01/issue.yaml:3:15: error: This value holds the control character U+0007"),
                edit("escaped control character in publication.yaml", "publication.yaml", null,
                        1, "publication.yaml:1:8: error: This value holds the control character U+0002"),
                broken("escaped control character in a chart title",
                        article("title: Т\n", "```chart\ntype: bar\ntitle: \"a\\u0001b\"\nx: Год\ny: [Число]\n"
                                + "rows:\n  - [Год, Число]\n  - [2024, 5]\n```\n"),
                        1, "2030-01/news/03-bad.md:6:8: error: This value holds the control character U+0001"),
                // YAML nested too deep
                broken("front matter nested 1500 levels", article("title: Т\ntags: " + "[".repeat(1500) + "\n", "Текст.\n"),
                        1, "2030-01/news/03-bad.md:3:26: error: The YAML is nested more than 20 levels deep"),
                edit("issue.yaml nested 1500 levels", "2030-01/issue.yaml",
                        "number: 1\ndate: \"2030-01\"\npublications: " + "{a: ".repeat(1500) + "\n",
                        1, "2030-01/issue.yaml:3:"),
                edit("publication.yaml nested 1500 levels", "publication.yaml",
                        "title: Вестник\nlanguage: ru\nsections:\n" + "- ".repeat(1500) + "x\n",
                        1, "publication.yaml:4:"),
                broken("chart block nested 1500 levels",
                        article("title: Т\n", "```chart\ntype: bar\ntitle: Т\nx: Год\ny: " + "[".repeat(1500) + "\n```\n"),
                        1, "2030-01/news/03-bad.md:8:"),
                broken("front matter alias that contains itself", article("title: Т\ntags: &loop [a, *loop]\n", "Текст.\n"),
                        1, "2030-01/news/03-bad.md:3:"),
                // charts
                broken("chart values from 1 to -1.7e308",
                        article("title: Т\n", "```chart\ntype: bar\ntitle: Т\nx: Год\ny: [Число]\n"
                                + "rows:\n  - [Год, Число]\n  - [2023, 1]\n  - [2024, -1.7e308]\n```\n"),
                        1, "2030-01/news/03-bad.md:12: error: Row 3, column 'Число': -1.7e308 is too large for a chart"),
                broken("chart value past the largest double",
                        article("title: Т\n", "```chart\ntype: line\ntitle: Т\nx: Год\ny: [Число]\n"
                                + "rows:\n  - [Год, Число]\n  - [2023, 1]\n  - [2024, 1e400]\n```\n"),
                        1, "2030-01/news/03-bad.md:12: error: Row 3, column 'Число': 1e400 is too large for a chart"),
                brokenWith("chart CSV of 100 000 rows", (p, r) -> {
                            StringBuilder csv = new StringBuilder("Год,Число\n");
                            for (int i = 0; i < 100_000; i++) {
                                csv.append(i).append(',').append(i % 97).append('\n');
                            }
                            write(p.resolve("2030-01/news/big.csv"), csv.toString());
                            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n",
                                    "```chart\ntype: line\ntitle: Т\nx: Год\ny: [Число]\ndata: big.csv\n```\n"));
                        }, 1, "2030-01/news/03-bad.md:9:1: error: The chart data has 100000 rows; a chart can show up to 1000"),
                brokenWith("chart CSV of 3 MB", (p, r) -> {
                            write(p.resolve("2030-01/news/huge.csv"), "Год,Число\n" + "1,2\n".repeat(800_000));
                            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n",
                                    "```chart\ntype: line\ntitle: Т\nx: Год\ny: [Число]\ndata: huge.csv\n```\n"));
                        }, 1, "2030-01/news/03-bad.md:9:7: error: CSV file 'huge.csv' is"),
                brokenWith("chart with 25 series", (p, r) -> {
                            StringBuilder header = new StringBuilder("[Год");
                            StringBuilder row = new StringBuilder("[2024");
                            StringBuilder y = new StringBuilder("[");
                            for (int i = 1; i <= 25; i++) {
                                header.append(", s").append(i);
                                row.append(", ").append(i);
                                y.append(i == 1 ? "" : ", ").append('s').append(i);
                            }
                            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n",
                                    "```chart\ntype: line\ntitle: Т\nx: Год\ny: " + y + "]\nrows:\n  - " + header
                                            + "]\n  - " + row + "]\n```\n"));
                        }, 1, "2030-01/news/03-bad.md:8:"),
                // size limits
                brokenWith("one 5 MB paragraph", (p, r) -> write(p.resolve("2030-01/news/03-bad.md"),
                                article("title: Т\n", "a/b ".repeat(5 * 1024 * 1024 / 4) + "\n")),
                        1, "2030-01/news/03-bad.md: error: The file is 5 MB long"),
                brokenWith("one 1 MB paragraph full of slashes", (p, r) -> write(p.resolve("2030-01/news/03-bad.md"),
                                article("title: Т\n", "Вступление.\n\n" + "a/b ".repeat(1024 * 1024 / 4) + "\n")),
                        1, "2030-01/news/03-bad.md:6: error: This paragraph is 1048575 characters long"),
                brokenWith("a table cell of 30 000 characters", (p, r) -> write(p.resolve("2030-01/news/03-bad.md"),
                                article("title: Т\n", "| A |\n|---|\n| " + "слово ".repeat(5000) + "|\n")),
                        1, "2030-01/news/03-bad.md:6: error: This paragraph is"),
                brokenWith("a title of 150 000 characters", (p, r) -> write(p.resolve("2030-01/news/03-bad.md"),
                                article("title: " + "Длинно ".repeat(150_000 / 7 + 1) + "\n", "Текст.\n")),
                        1, "2030-01/news/03-bad.md:2:8: error: This value is"),
                // images
                brokenWith("a text file named .png", (p, r) -> {
                            write(p.resolve("2030-01/images/photo.png"), "not an image at all\n");
                            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n", "![Фото](../images/photo.png)\n"));
                        }, 1, "2030-01/news/03-bad.md:4: error: The image '../images/photo.png' is not a PNG, JPEG or GIF image"),
                brokenWith("a truncated PNG", (p, r) -> {
                            byte[] png = png(400, 300);
                            write(p.resolve("2030-01/images/photo.png"), Arrays.copyOf(png, png.length / 2));
                            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n", "![Фото](../images/photo.png)\n"));
                        }, 1, "2030-01/news/03-bad.md:4: error: The image '../images/photo.png' cannot be decoded"),
                brokenWith("a 40000×40000 PNG", (p, r) -> {
                            write(p.resolve("2030-01/images/huge.png"), pngHeader(40_000, 40_000));
                            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n", "![Фото](../images/huge.png)\n"));
                        }, 1, "2030-01/news/03-bad.md:4: error: The image '../images/huge.png' is 40000×40000 pixels"),
                brokenWith("a 20000×20000 PNG as the article picture", (p, r) -> {
                            write(p.resolve("2030-01/images/huge.png"), pngHeader(20_000, 20_000));
                            write(p.resolve("2030-01/news/03-bad.md"), article(
                                    "title: Т\nimage:\n  src: ../images/huge.png\n  alt: Фото\n", "Текст.\n"));
                        }, 1, "2030-01/news/03-bad.md:4: error: The image '../images/huge.png' is 20000×20000 pixels"),
                brokenWith("a logo that is not an image", (p, r) -> {
                            write(p.resolve("brand/logo.png"), "<html/>");
                            Path yaml = p.resolve("publication.yaml");
                            write(yaml, Files.readString(yaml).replace("logo: brand/logo.svg", "logo: brand/logo.png"));
                        },
                        1, "publication.yaml:16: error: The image 'brand/logo.png' is not a PNG"),
                brokenWith("a truncated PNG as the cover", (p, r) -> {
                            byte[] png = png(200, 100);
                            write(p.resolve("2030-01/cover.png"), Arrays.copyOf(png, png.length - 30));
                            write(p.resolve("2030-01/issue.yaml"), "number: 1\ndate: \"2030-01\"\ncover: cover.png\n");
                        }, 1, "2030-01/issue.yaml:3: error: The image 'cover.png' cannot be decoded"),
                svg("an SVG whose style imports from the network",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n"
                                + "<style>@import url(http://example.org/x.css);</style>\n<rect width=\"5\" height=\"5\"/></svg>\n",
                        "2030-01/images/bad.svg:2:8: error: This SVG image's style uses @import"),
                svg("an SVG showing a network image",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
                                + "<image xlink:href=\"http://example.org/x.png\" width=\"5\" height=\"5\"/></svg>\n",
                        "2030-01/images/bad.svg:2:68: error: This SVG image refers to 'http://example.org/x.png'"),
                svg("an SVG showing a file outside the publication",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n\n"
                                + "<image href=\"../../../../etc/passwd\" width=\"5\" height=\"5\"/></svg>\n",
                        "2030-01/images/bad.svg:3:"),
                svg("an SVG filling with a pattern from another file",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect fill=\"url(other.svg#p)\" width=\"5\" height=\"5\"/></svg>\n",
                        "2030-01/images/bad.svg:2:"),
                svg("an SVG that is not well-formed",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"5\">\n</svg>\n",
                        "2030-01/images/bad.svg:3:"),
                // silent losses
                broken("a footnote without a definition", article("title: Т\n", "Текст с примечанием[^2].\n"),
                        1, "2030-01/news/03-bad.md:4:20: error: The footnote [^2] has no definition"),
                broken("a footnote defined and never called",
                        article("title: Т\n", "Текст без сносок.\n\n[^9]: Забытое примечание.\n"),
                        0, "2030-01/news/03-bad.md:6: warning: This footnote is never referred to"),
                broken("a language without hyphenation or rules",
                        article("title: Т\nlanguage: tlh\n", "Текст.\n"),
                        0, "2030-01/news/03-bad.md:3: warning: The language 'tlh' has no hyphenation patterns"),
                broken("an unknown language name", article("title: Т\nlanguage: klingon\n", "Текст.\n"),
                        1, "2030-01/news/03-bad.md:3: error: 'language' must be a language code such as 'ru' or 'en'"),
                // the templates
                brokenWith("a template leaving a <p> open", (p, r) -> {
                            Path templates = r.resolve("templates");
                            CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
                            Path main = templates.resolve("issue.ftlx");
                            Files.writeString(main, Files.readString(main).replace("<body>", "<body><p>unclosed"));
                        }, 1, "templates/issue.ftlx:" + templateLineOf("</body>")
                        + ": error: The templates produce markup that is not well-formed")
        );
    }

    @ParameterizedTest(name = "build: {0}")
    @MethodSource("cases")
    void buildReportsFileAndLine(String name, Breakage breakage, int exit, String expected) throws IOException {
        run("build", breakage, exit, expected);
    }

    /** 'digest check' runs every stage but the PDF: it must find what only the later stages would notice. */
    static Stream<Arguments> checkCases() {
        Set<String> checked = Set.of("character reference to a lone surrogate", "front matter nested 1500 levels",
                "chart values from 1 to -1.7e308", "one 1 MB paragraph full of slashes", "a truncated PNG",
                "an SVG whose style imports from the network", "a footnote without a definition",
                "a template leaving a <p> open", "a 40000×40000 PNG");
        return cases().filter(a -> checked.contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "check: {0}")
    @MethodSource("checkCases")
    void checkFindsTheSame(String name, Breakage breakage, int exit, String expected) throws IOException {
        run("check", breakage, exit, expected);
    }

    private void run(String command, Breakage breakage, int exit, String expected) throws IOException {
        CliHarness harness = new CliHarness(temp);
        breakage.apply(harness.publication(), harness.root());
        Path previous = harness.root().resolve("out/issue.pdf");
        CliHarness.write(previous, "%PDF-1.7 the previous issue".getBytes(StandardCharsets.US_ASCII));
        // a build that succeeds writes a new file; one that fails must leave the previous PDF as it was
        Path output = exit == 0 ? harness.root().resolve("out/new.pdf") : previous;
        Map<Path, String> before = harness.snapshot();
        String[] args = command.equals("build")
                ? new String[] {"build", harness.publication().resolve(ISSUE).toString(), "-o", output.toString()}
                : new String[] {"check", harness.publication().resolve(ISSUE).toString()};
        if (Files.isDirectory(harness.root().resolve("templates"))) {
            args = Stream.concat(Arrays.stream(args),
                    Stream.of("--templates", harness.root().resolve("templates").toString())).toArray(String[]::new);
        }
        CliHarness.Outcome outcome = harness.run(args);
        String err = outcome.err().replace(harness.root().toAbsolutePath() + "/", "");
        assertEquals(exit, outcome.exit(), err);
        assertTrue(err.lines().anyMatch(l -> l.startsWith(expected)), "expected a line starting «" + expected + "» in:\n" + err);
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        // a warning about the run as a whole (labels missing for a language) may name no file
        assertFalse(err.lines().anyMatch(l -> l.startsWith("error:")), "every error names its file:\n" + err);
        if (exit == 0 && command.equals("build")) {
            assertTrue(Files.size(output) > 1000, "a PDF was written");
        }
    }

    // --- building the cases -------------------------------------------------------------------

    private static Arguments broken(String name, String articleText, int exit, String expected) {
        return brokenWith(name, (p, r) -> write(p.resolve("2030-01/news/03-bad.md"), articleText), exit, expected);
    }

    private static Arguments brokenWith(String name, Breakage breakage, int exit, String expected) {
        return Arguments.of(name, breakage, exit, expected);
    }

    private static Arguments edit(String name, String file, String text, int exit, String expected) {
        return brokenWith(name, (p, r) -> {
            if (text != null) {
                write(p.resolve(file), text);
            } else {
                Path f = p.resolve(file);
                write(f, Files.readString(f).replace("title: Вестник кластеров", "title: \"Вестник\\u0002\""));
            }
        }, exit, expected);
    }

    private static Arguments svg(String name, String svg, String expected) {
        return brokenWith(name, (p, r) -> {
            write(p.resolve("2030-01/images/bad.svg"), svg);
            write(p.resolve("2030-01/news/03-bad.md"), article("title: Т\n", "![Схема](../images/bad.svg)\n"));
        }, 1, expected);
    }

    static String article(String frontMatter, String body) {
        return CliHarness.article(frontMatter, body);
    }

    static void write(Path file, String text) {
        CliHarness.write(file, text);
    }

    static void write(Path file, byte[] bytes) {
        CliHarness.write(file, bytes);
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 31 + y * 17) * 2654435761L > 0 ? (x * y) & 0xffffff : x);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG that claims its size in the header and carries no pixels: enough for a size check. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Where the XML parser notices an element left open: the template line of the end tag it meets. */
    private static int templateLineOf(String text) {
        try {
            java.util.List<String> lines = Files.readAllLines(BuiltIssue.REPO.resolve("templates/issue.ftlx"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals(text)) {
                    return i + 1;
                }
            }
            throw new IllegalStateException(text + " is not a line of issue.ftlx");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
