package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What CI publishing archived PDFs relies on: PDF/A-3u and PDF/UA-1 that veraPDF accepts, and identical bytes. */
public class ArchiveQualityTest {

    @TempDir
    Path temp;

    @Test
    void twoBuildsOfTheSameInputGiveTheSameBytes() throws Exception {
        Path first = temp.resolve("first.pdf");
        Path second = temp.resolve("second.pdf");
        assertTrue(Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, first)).pdf() != null);
        Thread.sleep(1100); // a clock-dependent date would now differ
        assertTrue(Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, second)).pdf() != null);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    /**
     * Two clones in different folders (one with a space and Cyrillic in its name), each built in
     * a JVM of its own under another time zone, locale and umask: the same bytes. Separate
     * processes matter: Set.of/Map.of iteration order changes with every JVM start, never within
     * one. The umask decides the files' mode, as for any other file a user creates.
     */
    @Test
    void separateProcessesInOtherFoldersZonesAndLocalesGiveTheSameBytesWithTheUmasksMode() throws Exception {
        Path first = copyOfRepository(temp.resolve("first"));
        Path second = copyOfRepository(temp.resolve("вторая копия с пробелом"));
        Process a = build(first, "UTC", "en", "US", "022");
        Process b = build(second, "Asia/Vladivostok", "ru", "RU", "027");
        assertEquals(0, a.waitFor(), () -> log(first));
        assertEquals(0, b.waitFor(), () -> log(second));
        Path pdfA = first.resolve("out/2025-06.pdf");
        Path pdfB = second.resolve("out/2025-06.pdf");
        assertArrayEquals(Files.readAllBytes(pdfA), Files.readAllBytes(pdfB),
                "the sample built in " + first + " and in " + second + " differs");
        Path manifestA = first.resolve("out/2025-06.manifest.json");
        Path manifestB = second.resolve("out/2025-06.manifest.json");
        assertArrayEquals(Files.readAllBytes(manifestA), Files.readAllBytes(manifestB));

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(pdfA)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifestA)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(pdfB)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifestB)));
        try (var left = Files.list(pdfA.getParent())) {
            assertEquals(List.of("2025-06.manifest.json", "2025-06.pdf"), left.map(p -> p.getFileName().toString())
                    .sorted().toList(), "no temporary file is left behind");
        }
    }

    /** content/, templates/ and fonts/ of this repository, copied into {@code target}. */
    private static Path copyOfRepository(Path target) throws IOException {
        for (String folder : List.of("content", "templates", "fonts")) {
            Path from = BuiltIssue.REPO.resolve(folder);
            try (var files = Files.walk(from)) {
                for (Path file : files.sorted().toList()) {
                    Path to = target.resolve(folder).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        }
        return target;
    }

    /** {@code digest build} of the sample in its own JVM, run from {@code repository}. */
    private static Process build(Path repository, String zone, String language, String country, String umask)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Dpdfbox.fontcache=" + repository,
                "-Duser.timezone=" + zone, "-Duser.language=" + language, "-Duser.country=" + country,
                "-Ddigestpress.home=" + repository,
                "org.digestpress.cli.DigestCommand", "build", "content/2025-06", "-o", "out/2025-06.pdf"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true)
                .redirectOutput(repository.resolve("build.log").toFile());
        builder.environment().put("TZ", zone);
        // A UTF-8 locale that every machine has: under an unknown one (ru_RU.UTF-8 is often not
        // generated) the JVM falls back to ASCII file names and cannot open a Cyrillic folder at all.
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().remove("LC_ALL");
        return builder.start();
    }

    private static String log(Path repository) {
        try {
            return "the build failed:\n" + Files.readString(repository.resolve("build.log"));
        } catch (IOException e) {
            return "the build failed and left no log";
        }
    }

    /**
     * What a reader does with «Рис. 2»: take its data out of the PDF alone. Every chart block of
     * the sample has its CSV attached, named after the chart id; a chart read from a CSV file
     * carries that file byte for byte, one with inline rows carries the same rows.
     */
    @Test
    void chartCsvsExtractedFromThePdfEqualTheSources() throws Exception {
        Map<String, List<List<String>>> inline = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        Pattern block = Pattern.compile("```chart\n(.*?)```", Pattern.DOTALL);
        try (var articles = Files.walk(BuiltIssue.SAMPLE.resolve("2025-06"))) {
            for (Path article : articles.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(article));
                while (m.find()) {
                    Map<?, ?> yaml = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(m.group(1));
                    String name = yaml.get("id") + ".csv";
                    if (yaml.containsKey("data")) {
                        files.put(name, article.resolveSibling(yaml.get("data").toString()));
                    } else {
                        inline.put(name, ((List<?>) yaml.get("rows")).stream()
                                .map(row -> ((List<?>) row).stream().map(String::valueOf).toList()).toList());
                    }
                }
            }
        }
        assertFalse(files.isEmpty() || inline.isEmpty(), "the sample has charts from CSV files and from inline rows");

        try (PDDocument document = BuiltIssue.of(BuiltIssue.SAMPLE).open()) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            Map<String, PDComplexFileSpecification> attached = catalog.getNames().getEmbeddedFiles().getNames();
            Set<String> expected = new TreeSet<>(files.keySet());
            expected.addAll(inline.keySet());
            assertEquals(expected, attached.keySet());
            for (Map.Entry<String, Path> file : files.entrySet()) {
                assertArrayEquals(Files.readAllBytes(file.getValue()),
                        attached.get(file.getKey()).getEmbeddedFile().toByteArray(), file.getKey());
            }
            for (Map.Entry<String, List<List<String>>> rows : inline.entrySet()) {
                String csv = new String(attached.get(rows.getKey()).getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
                assertEquals(rows.getValue(), csv.lines().map(line -> List.of(line.split(",", -1))).toList(),
                        rows.getKey());
            }

            COSArray documentFiles = catalog.getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertEquals(expected.size(), documentFiles.size(), "the catalog's /AF lists every chart's file");
            Map<String, String> figureOf = new TreeMap<>();
            for (PDStructureElement figure : elements(catalog.getStructureTreeRoot(), "Figure")) {
                COSArray af = figure.getCOSObject().getCOSArray(COSName.getPDFName("AF"));
                if (af != null) {
                    PDComplexFileSpecification spec = new PDComplexFileSpecification((COSDictionary) af.getObject(0));
                    figureOf.put(spec.getFilename(), figure.getAlternateDescription());
                    assertEquals("Data", spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
                    assertEquals("text/csv", spec.getEmbeddedFile().getSubtype());
                    assertEquals(spec.getFilename(), spec.getFileUnicode());
                    assertTrue(spec.getEmbeddedFile().getModDate() != null, "a fixed date, not none");
                }
            }
            assertEquals(expected, figureOf.keySet(), "every chart's figure carries its file");
            assertTrue(figureOf.get("regions-growth.csv").contains("Регионы по темпам прироста"),
                    figureOf.get("regions-growth.csv"));
        }
    }

    @Test
    void metadataNamesTheVersionTheLanguageAndOneSpellingOfTheMonth() throws Exception {
        try (PDDocument document = BuiltIssue.of(BuiltIssue.SAMPLE).open()) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertTrue(Producer.version().matches("\\d+\\.\\d+.*"), Producer.version());
            assertEquals("digestpress " + Producer.version(), info.getProducer());
            assertEquals("digestpress " + Producer.version(), info.getCreator());
            assertTrue(BuiltIssue.normalize(info.getTitle()).endsWith("Выпуск № 6, июнь 2025"), info.getTitle());
            assertTrue(BuiltIssue.normalize(info.getSubject()).endsWith("Выпуск № 6, июнь 2025"), info.getSubject());
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(List.of("ru"), xmp.getDublinCoreSchema().getLanguages());
            assertEquals("digestpress " + Producer.version(), xmp.getXMPBasicSchema().getCreatorTool());
            assertEquals("digestpress " + Producer.version(), xmp.getAdobePDFSchema().getProducer());
            assertEquals(3, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("U", xmp.getPDFAIdentificationSchema().getConformance());
        }
    }

    /** The output intent is the bundled profile byte for byte, not the JDK's (which differs per JDK). */
    @Test
    void outputIntentIsTheBundledSrgbProfile() throws Exception {
        byte[] bundled;
        try (var in = PdfWriter.class.getResourceAsStream("sRGB.icc")) {
            bundled = in.readAllBytes();
        }
        try (PDDocument document = BuiltIssue.of(BuiltIssue.FIXTURE).open()) {
            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertEquals(1, intents.size());
            try (var in = intents.get(0).getDestOutputIntent().createInputStream()) {
                assertArrayEquals(bundled, in.readAllBytes());
            }
        }
    }

    /**
     * In PDF/UA mode the footnote still sits at the foot of the page that calls it, and its text is
     * tagged content a screen reader reads, not an artifact it skips, right after the paragraph
     * with the call.
     */
    @Test
    void footnotesStayAtThePageFootAsTaggedText() throws Exception {
        BuiltIssue built = BuiltIssue.of(BuiltIssue.FIXTURE);
        List<Integer> pages = built.pagesContaining("По данным пресс-службы завода.");
        assertEquals(built.pagesContaining("на заводе работают 300 человек"), pages);
        try (PDDocument document = built.open()) {
            PDPage page = document.getPage(pages.get(0) - 1);
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            PDMarkedContent note = extractor.getMarkedContents().stream()
                    .filter(mc -> text(mc).contains("По данным пресс-службы")).findFirst().orElseThrow();
            assertTrue(note.getMCID() >= 0 && !"Artifact".equals(note.getTag()), note.getTag());
            float noteTop = note.getContents().stream().filter(TextPosition.class::isInstance)
                    .map(t -> ((TextPosition) t).getY()).min(Float::compare).orElseThrow();
            float lastBodyLine = extractor.getMarkedContents().stream()
                    .filter(mc -> text(mc).contains("планируют три совместных проекта"))
                    .flatMap(mc -> mc.getContents().stream()).filter(TextPosition.class::isInstance)
                    .map(t -> ((TextPosition) t).getY()).max(Float::compare).orElseThrow();
            assertTrue(noteTop > lastBodyLine, "the note is below the page's last line of text");

            // In the reading order the note follows the paragraph that calls it, tagged Note.
            List<PDStructureElement> notes = elements(document.getDocumentCatalog().getStructureTreeRoot(), "Note");
            assertEquals(1, notes.size());
            PDStructureElement noteElement = notes.get(0);
            assertEquals("fs-footnote-1", noteElement.getElementIdentifier());
            List<Object> siblings = noteElement.getParent().getKids();
            int at = -1;
            for (int i = 0; i < siblings.size(); i++) {
                if (siblings.get(i) instanceof PDStructureElement e && e.getCOSObject() == noteElement.getCOSObject()) {
                    at = i;
                }
            }
            assertTrue(at > 0 && siblings.get(at - 1) instanceof PDStructureElement, "the note has a paragraph before it");
            PDStructureElement paragraph = (PDStructureElement) siblings.get(at - 1);
            assertEquals("P", paragraph.getStructureType());
            assertEquals(1, elements(paragraph, "Link").size(), "the paragraph before the note holds its call");
        }
    }

    private static String text(PDMarkedContent content) {
        StringBuilder out = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition t) {
                out.append(t.getUnicode());
            }
        }
        return out.toString();
    }

    static List<PDStructureElement> elements(PDStructureNode node, String type) {
        List<PDStructureElement> out = new ArrayList<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (type.equals(element.getStructureType())) {
                    out.add(element);
                }
                out.addAll(elements(element, type));
            }
        }
        return out;
    }

    @Test
    void veraPdfAcceptsTheFixtureAsPdfA3uAndPdfUa1() throws Exception {
        assertCompliant(BuiltIssue.of(BuiltIssue.FIXTURE).bytes);
    }

    /** PDF/A-3u and PDF/UA-1, each with 0 failed rules. */
    public static void assertCompliant(byte[] pdf) throws Exception {
        String failures = failures(pdf, PDFAFlavour.PDFA_3_U) + failures(pdf, PDFAFlavour.PDFUA_1);
        assertTrue(failures.isEmpty(), "veraPDF failed rules:\n" + failures);
    }

    /** The failed rules of one flavour, one line per rule with its count; empty when compliant. */
    static String failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return "";
            }
            Map<String, Long> counts = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .collect(Collectors.groupingBy(a -> flavour.getId() + " " + a.getRuleId().getClause() + "-"
                            + a.getRuleId().getTestNumber() + ": " + a.getMessage(), TreeMap::new, Collectors.counting()));
            return counts.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue() + "\n")
                    .collect(Collectors.joining());
        }
    }
}
