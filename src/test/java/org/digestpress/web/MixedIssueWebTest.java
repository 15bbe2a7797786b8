package org.digestpress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The sample issue with one English article added, which has a footnote and a camera photo
 * (2400 × 1600 pixels stored, EXIF orientation 6: a portrait photo lying on its side): the web
 * edition labels the article in English and marks its language wherever its title appears, and
 * sends the photo in upright, resized copies with their sizes.
 */
class MixedIssueWebTest {

    private static final String ANCHOR = "article-events-99-english";

    @TempDir
    static Path temp;
    static Path folder;
    static Document page;
    static String html;

    @BeforeAll
    static void build() throws Exception {
        Path publication = temp.resolve("content");
        org.digestpress.cli.CliHarness.copyTree(BuiltIssue.SAMPLE, publication);
        Files.write(publication.resolve("2025-06/images/portrait.jpg"), portraitJpeg());
        Files.writeString(publication.resolve("2025-06/events/99-english.md"), """
                ---
                title: Cluster partners sign a joint research plan
                lead: Seven companies and two universities will share laboratories.
                language: en
                region: Калужская область
                source: {name: "Test Wire", url: "https://example.org/en"}
                tags: [research]
                image:
                  src: ../images/portrait.jpg
                  alt: The partners at the signing
                ---
                The partners expect results within two years[^1].

                [^1]: The plan runs until 2027.
                """, StandardCharsets.UTF_8);
        BuildResult result = Pipeline.build(BuiltIssue.request(publication, temp.resolve("out/2025-06.pdf")).withWeb(true));
        assertFalse(result.failed(), () -> "the build failed: " + result.problems());
        folder = result.web().getParent();
        html = Files.readString(result.web(), StandardCharsets.UTF_8);
        page = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET).parse(new InputSource(new StringReader(html)));
    }

    @Test
    void theNuHtmlCheckerHasNothingToSay() throws Exception {
        assertEquals("", HtmlValidator.report(folder.resolve("index.html")).strip());
    }

    /** Before: «Источник:» and «Примечания» inside lang="en" (issue 21). */
    @Test
    void theEnglishArticleIsLabelledInEnglish() {
        Element article = page.getElementById(ANCHOR);
        assertNotNull(article);
        assertEquals("en", article.getAttribute("lang"));
        String text = article.getTextContent();
        assertTrue(text.contains("Source: Test Wire"), text);
        assertTrue(text.contains("Notes"), text);
        assertFalse(text.contains("Источник") || text.contains("Примечания"), text);
        Element back = first(article, "a", "note-back");
        assertEquals("Back to the call of note 1", back.getAttribute("aria-label"));
        assertEquals("Link to this article", first(article, "a", "article__anchor").getAttribute("aria-label"));
        // the Russian articles keep their labels
        assertTrue(page.getElementById("article-events-01-moskva-klastery").getTextContent().contains("Источник:"));
    }

    /** The English title in the Russian contents and region index is marked as English. */
    @Test
    void theArticlesEntriesInTheContentsAndTheIndexCarryItsLanguage() {
        List<Element> links = new ArrayList<>();
        NodeList all = page.getElementsByTagName("a");
        for (int i = 0; i < all.getLength(); i++) {
            Element a = (Element) all.item(i);
            if (a.getAttribute("href").equals("#" + ANCHOR) && !a.getAttribute("class").equals("article__anchor")) {
                links.add(a);
            }
        }
        assertEquals(2, links.size(), "the contents and the region index link the article");
        for (Element a : links) {
            assertEquals("en", a.getAttribute("lang"), a.getTextContent());
        }
        Element russian = null;
        for (int i = 0; i < all.getLength(); i++) {
            Element a = (Element) all.item(i);
            if (a.getAttribute("href").equals("#article-events-01-moskva-klastery")) {
                russian = a;
            }
        }
        assertNotNull(russian);
        assertFalse(russian.hasAttribute("lang"), "the page's own language is not repeated");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Each article's NewsArticle record is JSON that a reader of it finds its language and headline in. */
    @Test
    void everyArticleHasANewsArticleRecord() throws IOException {
        NodeList scripts = page.getElementsByTagName("script");
        assertTrue(scripts.getLength() > 20, "one per article: " + scripts.getLength());
        JsonNode english = null;
        for (int i = 0; i < scripts.getLength(); i++) {
            JsonNode data = new ObjectMapper().readTree(scripts.item(i).getTextContent());
            assertEquals("NewsArticle", data.get("@type").asText());
            assertFalse(data.get("headline").asText().isBlank());
            if (data.get("@id").asText().equals("#" + ANCHOR)) {
                english = data;
            }
        }
        assertNotNull(english);
        assertEquals("en", english.get("inLanguage").asText());
        assertEquals("2025-06", english.get("datePublished").asText(), "the issue's month (date: \"2025-06\" in issue.yaml), ISO 8601");
        assertEquals("Калужская область", english.get("contentLocation").get("name").asText());
        // In a fixed order (Map.of's changes with every JVM start: the page differed between two runs).
        assertEquals(List.of("@type", "name"), fieldNames(english.get("contentLocation")));
    }

    /**
     * The photo goes out as three upright copies (480, 960 and 1440 px wide, portrait, without
     * EXIF); the original (2400 × 1600, on its side) is not copied; the img names them in srcset and
     * has the upright size.
     */
    @Test
    void aPhotoIsSentUprightInResizedCopies() throws IOException {
        Element img = first(page.getElementById(ANCHOR), "img", null);
        assertEquals("1600", img.getAttribute("width"));
        assertEquals("2400", img.getAttribute("height"));
        assertEquals("images/portrait-480w.jpg 480w, images/portrait-960w.jpg 960w, images/portrait-1440w.jpg 1440w",
                img.getAttribute("srcset"));
        assertFalse(img.getAttribute("sizes").isBlank());
        assertEquals("images/portrait-960w.jpg", img.getAttribute("src"));
        assertFalse(Files.exists(folder.resolve("images/portrait.jpg")), "the original is not sent");
        for (int width : new int[] {480, 960, 1440}) {
            byte[] bytes = Files.readAllBytes(folder.resolve("images/portrait-" + width + "w.jpg"));
            BufferedImage copy = ImageIO.read(new ByteArrayInputStream(bytes));
            assertEquals(width, copy.getWidth());
            assertEquals(width * 3 / 2, copy.getHeight(), "portrait");
            Color top = new Color(copy.getRGB(width / 2, 3));
            Color bottom = new Color(copy.getRGB(width / 2, copy.getHeight() - 4));
            assertTrue(top.getRed() > 200 && top.getBlue() < 60, "the photo's left edge (red) is its top now: " + top);
            assertTrue(bottom.getBlue() > 200 && bottom.getRed() < 60, "blue at the bottom: " + bottom);
            assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("Exif"), "no EXIF in the copy");
        }
    }

    private static Element first(Element root, String tag, String cls) {
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls == null || List.of(e.getAttribute("class").split("\\s+")).contains(cls)) {
                return e;
            }
        }
        throw new AssertionError("no " + tag + "." + cls);
    }

    /** 2400 × 1600 pixels, the left half red and the right half blue, stored with EXIF orientation 6 (turn 90° clockwise). */
    static byte[] portraitJpeg() throws IOException {
        BufferedImage image = new BufferedImage(2400, 1600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1200, 1600);
        g.setColor(Color.BLUE);
        g.fillRect(1200, 0, 1200, 1600);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // An APP1 Exif segment right after SOI: a big-endian TIFF with one IFD entry, Orientation = 6.
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0).putInt(0);
        byte[] exif = ("Exif\0\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + exif.length + tiff.capacity();
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(tiff.array());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }
}
