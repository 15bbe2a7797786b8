package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.digestpress.pdf.DocumentInfo;
import org.digestpress.pdf.FontSet;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build opens no network connection, however many network addresses its content names. Every
 * connection the JDK makes (URLConnection for http, https and ftp, plain sockets, HttpClient)
 * first asks the default {@link ProxySelector}; a recording selector sees each attempt and sends
 * it to a closed local port, so nothing leaves the machine even when the guard trips.
 */
class NoNetworkTest {

    private static final String EXTERNAL_SVG = """
            <?xml version="1.0"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="60" height="30">
              <a xlink:href="http://example.org/from-svg"><rect width="60" height="30" fill="#1f4e79"/></a>
            </svg>
            """;

    @TempDir
    Path temp;

    private final List<URI> attempts = new ArrayList<>();
    private ProxySelector previous;

    @BeforeEach
    void recordConnections() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                synchronized (attempts) {
                    attempts.add(uri);
                }
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(previous);
    }

    @Test
    void theGuardSeesAConnectionAttempt() throws IOException {
        try {
            new URL("http://example.org/probe").openConnection().connect();
        } catch (IOException expected) {
            // refused by the closed port, as intended
        }
        assertEquals(List.of(URI.create("http://example.org/probe")), attempts, "the recording selector works");
    }

    @Test
    void aBuildFullOfLinksAndExternalNamesConnectsNowhere() throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path pub = harness.publication();
        CliHarness.write(pub.resolve("2030-01/images/links.svg"), EXTERNAL_SVG);
        CliHarness.write(pub.resolve("2030-01/news/03-links.md"), CliHarness.article("""
                title: Ссылки повсюду
                source:
                  name: Агентство
                  url: https://example.org/source
                image:
                  src: ../images/links.svg
                  alt: Схема со ссылкой
                """, """
                Подробности на [сайте](http://example.org/page), в [отчёте](https://example.org/report.pdf)
                и по адресу <https://example.org/auto>; пишите на <news@example.org>.

                ![Схема](../images/links.svg)
                """));
        Path output = harness.root().resolve("out/links.pdf");
        CliHarness.Outcome outcome = harness.run("build", pub.resolve("2030-01").toString(), "-o", output.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(Files.size(output) > 1000);
        assertEquals(List.of(), attempts, "connections attempted");
    }

    @Test
    void aBuildRefusingNetworkImagesConnectsNowhere() {
        CliHarness harness = new CliHarness(temp);
        Path pub = harness.publication();
        CliHarness.write(pub.resolve("2030-01/images/fetching.svg"), """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
                <style>@import url(http://example.org/style.css);</style>
                <image xlink:href="https://example.org/picture.png" width="5" height="5"/>
                <rect fill="url(http://example.org/p.svg#p)" width="5" height="5"/></svg>
                """);
        CliHarness.write(pub.resolve("2030-01/news/03-net.md"), CliHarness.article("title: Сеть\n", """
                ![Фото](http://example.org/photo.png)

                ![Схема](../images/fetching.svg)
                """));
        CliHarness.Outcome outcome = harness.run("build", pub.resolve("2030-01").toString(), "-o",
                harness.root().resolve("out/net.pdf").toString());
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("is on the network"), outcome.err());
        assertEquals(List.of(), attempts, "connections attempted");
    }

    /**
     * Below the content checks: markup that asks the renderer itself for network resources (an
     * image, a stylesheet, CSS and SVG imports, an SVG image) is refused by the renderer's only
     * way to read, and nothing connects.
     */
    @Test
    void theRendererFetchesNothingFromTheNetwork() throws IOException {
        String xhtml = """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="ru"><head><title>Сеть</title>
                <link rel="stylesheet" href="http://example.org/style.css"/>
                <style>@import url(https://example.org/more.css); body { font-family: 'PT Serif'; }
                p { background-image: url(http://example.org/bg.png); }</style></head>
                <body><p>Текст.</p><img src="http://example.org/photo.png" alt="фото"/>
                <img src="https://example.org/picture.svg" alt="схема"/>
                <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><style>@import url(http://example.org/x.css);</style>
                <image href="http://example.org/in-svg.png" width="10" height="10"/><rect width="40" height="20"/></svg>
                </body></html>
                """;
        Problems problems = new Problems();
        FontSet fonts = FontSet.load(Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        new PdfWriter(fonts, null).write(xhtml, List.of(temp), temp.resolve("net.pdf"),
                new DocumentInfo("ru", ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)), problems);
        assertEquals(List.of(), attempts, "connections attempted");
        assertFalse(problems.all().isEmpty(), "the refused addresses are reported");
    }
}
