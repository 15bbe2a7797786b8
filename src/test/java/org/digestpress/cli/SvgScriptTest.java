package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestpress.SvgPayloads;
import org.digestpress.SvgPayloads.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An SVG that would run a script in a browser is refused by {@code digest build --web}, whichever
 * way it enters the issue, before anything is written: the diagnostic names the SVG's file, line
 * and column, the sources and the previous PDF keep their bytes, and nothing reaches the web
 * edition's folder.
 */
class SvgScriptTest {

    /** How an SVG enters the issue; each writes the payload and names it, and says where the SVG lies. */
    enum Route {
        ARTICLE_MARKDOWN("2030-01/images/bad.svg") {
            @Override
            void use(Path publication) {
                CliHarness.write(publication.resolve("2030-01/news/03-bad.md"),
                        CliHarness.article("title: Схема\n", "Текст.\n\n![Схема](../images/bad.svg)\n"));
            }
        },
        ARTICLE_FRONT_MATTER("2030-01/images/bad.svg") {
            @Override
            void use(Path publication) {
                CliHarness.write(publication.resolve("2030-01/news/03-bad.md"), CliHarness.article(
                        "title: Схема\nimage:\n  src: ../images/bad.svg\n  alt: Схема\n", "Текст.\n"));
            }
        },
        COVER("2030-01/images/bad.svg") {
            @Override
            void use(Path publication) throws IOException {
                Path yaml = publication.resolve("2030-01/issue.yaml");
                Files.writeString(yaml, Files.readString(yaml).replace("number: 1\n", "number: 1\ncover: images/bad.svg\n"));
            }
        },
        LOGO("brand/bad.svg") {
            @Override
            void use(Path publication) throws IOException {
                Path yaml = publication.resolve("publication.yaml");
                Files.writeString(yaml, Files.readString(yaml).replace("logo: brand/logo.svg", "logo: brand/bad.svg"));
            }
        };

        final String svg;

        Route(String svg) {
            this.svg = svg;
        }

        abstract void use(Path publication) throws IOException;
    }

    static Stream<Arguments> payloads() {
        List<Arguments> all = new ArrayList<>();
        for (Route route : Route.values()) {
            for (Payload payload : SvgPayloads.ISSUE) {
                all.add(Arguments.of(route, payload));
            }
        }
        for (Payload payload : SvgPayloads.VARIANTS) {
            all.add(Arguments.of(Route.ARTICLE_MARKDOWN, payload));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("payloads")
    void isRefusedWithItsLineAndNothingIsWritten(Route route, Payload payload, @TempDir Path temp) throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path publication = harness.publication();
        CliHarness.write(publication.resolve(route.svg), payload.bytes());
        route.use(publication);
        Path pdf = temp.resolve("out/2030-01.pdf");
        CliHarness.write(pdf, "%PDF-1.7 the previous issue\n");
        Map<Path, String> before = harness.snapshot();

        CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o",
                pdf.toString(), "--web");

        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(route.svg) + ":2:\\d+: error: "
                + Pattern.quote(payload.refusal())).matcher(outcome.err()).find(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        assertFalse(Files.exists(temp.resolve("out/2030-01")), "no web edition is written");
    }

    /**
     * What an SVG may still have: links to the web, embedded PNG data, ids, styles, the word
     * "onload" as text, an editor's own namespace, a Cyrillic single-byte encoding.
     */
    @Test
    void anOrdinarySvgWithLinksAndEmbeddedDataIsAcceptedAndCopied(@TempDir Path temp) throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path publication = harness.publication();
        CliHarness.write(publication.resolve("2030-01/images/fine.svg"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100"
                     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.2">
                  <title>onload and javascript: as words are text</title>
                  <style>.a { fill: #1f4e79; } .b { fill: url(#g); }</style>
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#d9822b"/></linearGradient></defs>
                  <a href="https://example.org/map" xlink:title="карта"><rect class="a" width="100" height="100"/></a>
                  <a xlink:href="mailto:news@example.org"><rect class="b" x="100" width="50" height="100"/></a>
                  <image x="150" width="1" height="1" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/>
                  <use href="#g"/>
                </svg>
                """);
        CliHarness.write(publication.resolve("2030-01/images/cyrillic.svg"), ("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>Схема</title>"
                + "<rect width=\"10\" height=\"10\"/></svg>\n").getBytes(java.nio.charset.Charset.forName("windows-1251")));
        CliHarness.write(publication.resolve("2030-01/news/03-fine.md"), CliHarness.article("title: Схема\n",
                "Текст.\n\n![Схема](../images/fine.svg)\n\nЕщё.\n\n![Схема](../images/cyrillic.svg)\n"));
        Map<Path, String> before = harness.snapshot();
        Path pdf = temp.resolve("out/2030-01.pdf");

        CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o",
                pdf.toString(), "--web");

        assertEquals(0, outcome.exit(), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
        assertEquals(Files.readString(publication.resolve("2030-01/images/fine.svg")),
                Files.readString(temp.resolve("out/2030-01/images/fine.svg")), "copied byte for byte");
    }

    @Test
    void anImageNotNamedByItsKindIsRefused(@TempDir Path temp) throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path publication = harness.publication();
        Files.copy(publication.resolve("2030-01/images/scheme.svg"), publication.resolve("2030-01/images/page.html"));
        CliHarness.write(publication.resolve("2030-01/news/03-page.md"),
                CliHarness.article("title: Схема\n", "Текст.\n\n![Схема](../images/page.html)\n"));
        Map<Path, String> before = harness.snapshot();

        CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o",
                temp.resolve("out/2030-01.pdf").toString(), "--web");

        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("2030-01/news/03-page.md:6: error: The image '../images/page.html' must be "
                + "named by its kind"), outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        CliHarness.assertUnchanged(before, harness.snapshot());
    }
}
