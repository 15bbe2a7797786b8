package org.digestpress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.content.Article;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueLoader;
import org.digestpress.content.PublicationLoader;
import org.digestpress.problem.Problems;
import org.digestpress.typography.Typographer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The web edition of the sample issue, read back as a browser and a validator would. */
class WebEditionTest {

    @TempDir
    static Path out;
    static BuildResult result;
    static Path folder;
    static String html;
    static Document page;

    @BeforeAll
    static void build() throws Exception {
        result = Pipeline.build(BuiltIssue.request(BuiltIssue.SAMPLE, out.resolve("2025-06.pdf")).withWeb(true));
        assertFalse(result.failed(), () -> "the build failed: " + result.problems());
        assertNotNull(result.web(), "a web edition was asked for");
        folder = result.web().getParent();
        assertEquals(out.resolve("2025-06").resolve("index.html"), result.web());
        html = Files.readString(result.web(), StandardCharsets.UTF_8);
        HtmlDocumentBuilder builder = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        page = builder.parse(new InputSource(new java.io.StringReader(html)));
    }

    @Test
    void theNuHtmlCheckerFindsNoError() throws Exception {
        String report = HtmlValidator.report(result.web());
        System.out.println("Nu Html Checker on the sample's web edition:" + (report.isBlank() ? " nothing to say" : "\n" + report));
        assertEquals("", report.strip(), "no message at all, warnings and notes included");
    }

    /**
     * What readers of a web edition expect around the text (issue 21): a favicon from the brand's
     * logo, social card tags, the PDF link saying how large the PDF is, an anchor on each article.
     */
    @Test
    void theFaviconSocialCardAndPdfLinkTellWhatTheyShould() throws IOException {
        Element icon = elements("link").stream().filter(l -> l.getAttribute("rel").equals("icon")).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(folder.resolve(icon.getAttribute("href"))), icon.getAttribute("href"));
        Map<String, String> og = new TreeMap<>();
        elements("meta").stream().filter(m -> m.hasAttribute("property"))
                .forEach(m -> og.put(m.getAttribute("property"), m.getAttribute("content")));
        assertEquals(List.of("og:description", "og:site_name", "og:title", "og:type"), List.copyOf(og.keySet()));
        assertTrue(og.get("og:title").startsWith("Территориальные кластеры"), og.toString());
        long kb = Files.size(folder.resolve("2025-06.pdf")) / 1024;
        List<String> pdfLinks = elements("a").stream().filter(a -> a.getAttribute("href").equals("2025-06.pdf"))
                .map(a -> normalize(a.getTextContent())).toList();
        assertEquals(List.of("Скачать PDF (" + kb + " КБ, 32 страницы)", "Скачать PDF (" + kb + " КБ, 32 страницы)"),
                pdfLinks.stream().map(t -> t.replace('\u00a0', ' ')).toList());
        long anchors = elements("a").stream().filter(a -> a.getAttribute("class").equals("article__anchor")).count();
        assertEquals(elements("article").size(), anchors, "one anchor link per article");
        assertTrue(anchors > 20);
        assertEquals(6, elements("p").stream().filter(p -> p.getAttribute("class").equals("chart__data")).count(),
                "a CSV link under each chart");
    }

    @Test
    void pluralsOfPagesFollowTheLanguage() {
        assertEquals(List.of("one", "few", "many", "many", "one", "few", "many"),
                java.util.stream.LongStream.of(1, 2, 5, 11, 21, 32, 112).mapToObj(n -> PdfFacts.plural(n, "ru")).toList());
        assertEquals(List.of("one", "many", "many"),
                java.util.stream.LongStream.of(1, 2, 21).mapToObj(n -> PdfFacts.plural(n, "en")).toList());
    }

    /** The check above means something only if the validator runs here, offline, and reports errors. */
    @Test
    void theNuHtmlCheckerRunsOfflineAndReportsErrors(@TempDir Path temp) throws Exception {
        Path bad = temp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"ru\"><head><title>x</title></head><body>"
                + "<p><div>block in a paragraph</div><img src=\"a.png\"></body></html>");
        String report = HtmlValidator.report(bad);
        assertTrue(report.contains("error:") && report.contains("alt"), report);
    }

    @Test
    void everyInPageLinkHasATargetAndEveryIdIsUnique() {
        Map<String, Integer> ids = new TreeMap<>();
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                ids.merge(e.getAttribute("id"), 1, Integer::sum);
            }
        }
        ids.forEach((id, n) -> assertEquals(1, n, "id '" + id + "' is used " + n + " times"));
        int links = 0;
        for (Element a : elements("a")) {
            String href = a.getAttribute("href");
            if (href.startsWith("#")) {
                links++;
                assertTrue(ids.containsKey(href.substring(1)), "the link " + href + " (" + a.getTextContent()
                        + ") has no target");
            } else if (!href.matches("(?i)(https?|mailto):.*")) {
                assertTrue(Files.isRegularFile(folder.resolve(href)), "the link " + href + " names no file beside the page");
            }
        }
        assertTrue(links > 30, "the contents, the index and the notes link within the page: " + links);
    }

    @Test
    void noResourceComesFromOutsideItsFolder() {
        List<String> resources = new ArrayList<>();
        for (Element img : elements("img")) {
            resources.add(img.getAttribute("src"));
        }
        for (Element link : elements("link")) {
            resources.add(link.getAttribute("href"));
        }
        Matcher url = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)").matcher(html);
        while (url.find()) {
            resources.add(url.group(1));
        }
        assertTrue(resources.size() > 10, "images and fonts: " + resources);
        for (String resource : resources) {
            if (resource.startsWith("#")) {
                continue;  // an SVG clip path inside the page
            }
            assertFalse(resource.matches("(?i)^[a-z][a-z0-9+.-]*:.*"), "a resource with a scheme: " + resource);
            assertFalse(resource.startsWith("/") || resource.contains(".."), "a resource outside the folder: " + resource);
            assertTrue(Files.isRegularFile(folder.resolve(resource)), "copied beside the page: " + resource);
        }
        for (Element script : elements("script")) {
            assertEquals("application/ld+json", script.getAttribute("type"), "no script but data");
            assertFalse(script.getTextContent().contains("<"), "no markup can end the data early");
        }
        assertFalse(html.contains("\u00ad"), "no soft hyphens: the browser hyphenates");
        assertTrue(Files.isRegularFile(folder.resolve("2025-06.pdf")), "the PDF beside the page, for its link");
    }

    @Test
    void everyArticleTitleIsThereAsAHeadingUnderItsSection() throws IOException {
        String text = normalize(page.getDocumentElement().getTextContent());
        // the heading's text less its anchor link («#»)
        List<String> h3 = elements("h3").stream().map(e -> normalize(e.getTextContent().replaceAll("\\s*#$", ""))).toList();
        for (Article article : sampleIssue().articles()) {
            String title = normalize(Typographer.forLanguage(article.language()).text(article.title()));
            assertTrue(h3.contains(title), "article title as a heading: " + title);
            assertTrue(text.contains(title));
        }
    }

    @Test
    void headingsDescendOneLevelAtATime() {
        NodeList all = page.getElementsByTagName("*");
        int previous = 0;
        for (int i = 0; i < all.getLength(); i++) {
            String name = ((Element) all.item(i)).getTagName();
            if (name.matches("h[1-6]")) {
                int level = name.charAt(1) - '0';
                assertTrue(level <= previous + 1, "h" + level + " after h" + previous + ": " + all.item(i).getTextContent());
                previous = level;
            }
        }
        assertEquals(1, elements("h1").size());
    }

    @Test
    void everyImageAndChartHasAText() {
        for (Element img : elements("img")) {
            assertFalse(img.getAttribute("alt").isBlank(), "alt text for " + img.getAttribute("src"));
        }
        List<Element> svgs = elements("svg");
        assertEquals(6, svgs.size(), "the sample's six charts");
        for (Element svg : svgs) {
            assertEquals("img", svg.getAttribute("role"));
            assertFalse(svg.getAttribute("aria-label").isBlank());
            assertEquals(1, svg.getElementsByTagName("title").getLength());
        }
        assertEquals("ru", page.getDocumentElement().getAttribute("lang"));
    }

    /** Categories, the unit and (with a legend) the series of every chart block are drawn as text. */
    @Test
    void everyChartLabelIsText() throws IOException {
        StringBuilder drawn = new StringBuilder();
        for (Element svg : elements("svg")) {
            NodeList texts = svg.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                drawn.append(texts.item(i).getTextContent());
            }
            drawn.append('\n');
        }
        String svgText = normalize(drawn.toString());
        String pageText = normalize(page.getDocumentElement().getTextContent());
        int labels = 0;
        for (Map<String, Object> chart : sampleCharts()) {
            assertTrue(pageText.contains(normalize(Typographer.forLanguage("ru").text((String) chart.get("title")))),
                    "chart title " + chart.get("title"));
            List<String> expected = new ArrayList<>(categories(chart));
            expected.add((String) chart.get("unit"));
            @SuppressWarnings("unchecked")
            List<String> series = (List<String>) chart.get("y");
            if (series.size() > 1) {
                expected.addAll(series);
            }
            for (String label : expected) {
                labels++;
                assertTrue(svgText.contains(normalize(label)), "chart label '" + label + "' is text in an SVG");
            }
        }
        assertTrue(labels >= 20, "labels checked: " + labels);
    }

    @Test
    void theRegionIndexLinksEveryRegionToItsArticles() {
        Element index = page.getElementById("index-regions");
        assertNotNull(index, "the sample asks for index: [regions]");
        List<String> regions = new ArrayList<>();
        NodeList dts = index.getElementsByTagName("dt");
        for (int i = 0; i < dts.getLength(); i++) {
            regions.add(dts.item(i).getTextContent());
        }
        TreeSet<String> expected = new TreeSet<>();
        sampleIssue().articles().forEach(a -> a.regions().forEach(r -> expected.add(r.name())));
        assertEquals(expected, new TreeSet<>(regions));
        assertTrue(regions.indexOf("Калужская область") < regions.indexOf("Пензенская область"));
    }

    private static List<Element> elements(String name) {
        NodeList nodes = page.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String normalize(String text) {
        return BuiltIssue.normalize(text);
    }

    private static Issue sampleIssue() {
        Problems problems = new Problems();
        var publication = PublicationLoader.load(BuiltIssue.SAMPLE, problems);
        return IssueLoader.load(publication, BuiltIssue.SAMPLE.resolve("2025-06"), false, problems);
    }

    /** The YAML of every ```chart block of the sample, read here independently of the chart stage. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sampleCharts() throws IOException {
        List<Map<String, Object>> charts = new ArrayList<>();
        Load load = new Load(LoadSettings.builder().build());
        for (Article article : sampleIssue().articles()) {
            String text = Files.readString(article.file(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("```chart\\n(.*?)```", Pattern.DOTALL).matcher(text);
            while (m.find()) {
                Map<String, Object> chart = new TreeMap<>((Map<String, Object>) load.loadFromString(m.group(1)));
                chart.put("dir", article.file().getParent());
                charts.add(chart);
            }
        }
        assertEquals(6, charts.size());
        return charts;
    }

    @SuppressWarnings("unchecked")
    private static List<String> categories(Map<String, Object> chart) throws IOException {
        List<List<Object>> rows;
        if (chart.containsKey("rows")) {
            rows = (List<List<Object>>) chart.get("rows");
        } else {
            rows = new ArrayList<>();
            for (String line : Files.readAllLines(((Path) chart.get("dir")).resolve((String) chart.get("data")))) {
                rows.add(List.of((Object[]) line.split(",")));
            }
        }
        int column = rows.get(0).indexOf(chart.get("x"));
        return rows.subList(1, rows.size()).stream().map(r -> String.valueOf(r.get(column)).strip()).toList();
    }
}
