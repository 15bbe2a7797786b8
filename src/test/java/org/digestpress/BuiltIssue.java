package org.digestpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.assets.Assets;

/**
 * A publication built once per test run and read back with PDFBox, so many tests can look at the
 * same real PDF without rendering it again.
 */
public final class BuiltIssue {

    public static final Path REPO = Path.of("").toAbsolutePath();
    public static final Path FIXTURE = REPO.resolve("src/test/resources/fixture");
    public static final Path SAMPLE = REPO.resolve("content");

    private static final Map<Path, BuiltIssue> CACHE = new ConcurrentHashMap<>();

    public final BuildResult result;
    public final byte[] bytes;
    private final List<String> pageTexts;
    /** The pages as printed ({@link #printedPage}), read when first asked for. */
    private List<String> printedTexts;

    private BuiltIssue(BuildResult result) throws IOException {
        this.result = result;
        if (result.failed()) {
            throw new AssertionError("The build failed: " + result.problems());
        }
        this.bytes = Files.readAllBytes(result.pdf());
        this.pageTexts = pageTexts(new PDFTextStripper());
    }

    /** Each page's text as {@code stripper} reads it. */
    private List<String> pageTexts(PDFTextStripper stripper) throws IOException {
        try (PDDocument document = open()) {
            List<String> texts = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
            return List.copyOf(texts);
        }
    }

    /** Builds the newest issue of {@code publication} (once) into a temporary file. */
    public static synchronized BuiltIssue of(Path publication) {
        return CACHE.computeIfAbsent(publication, p -> {
            try {
                Path out = Files.createTempDirectory("digestpress-test").resolve("issue.pdf");
                return new BuiltIssue(Pipeline.build(request(p, out)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    public static BuildRequest request(Path publication, Path output) {
        return new BuildRequest(publication, null, output, false, true, Assets.directory(REPO.resolve("templates")),
                Assets.directory(REPO.resolve("fonts")));
    }

    public PDDocument open() throws IOException {
        return Loader.loadPDF(bytes);
    }

    /** Text of a page, 1-based like printed page numbers. */
    /**
     * Page {@code number}'s lines as a reader sees them, top to bottom (PDFBox sorted by
     * position): {@link #page} follows the drawing order, in which openhtmltopdf draws a list's
     * numbers and a link's text after the rest of their line.
     */
    public List<String> linesByPosition(int number) {
        try (PDDocument document = open()) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(number);
            stripper.setEndPage(number);
            return stripper.getText(document).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String page(int number) {
        return pageTexts.get(number - 1);
    }

    /**
     * Text of a page as printed, glyph by glyph ({@link PrintedText}): a word broken by
     * hyphenation shows its hyphen and its two lines, where {@link #page} (what a reader copies)
     * has the word whole.
     */
    public synchronized String printedPage(int number) {
        if (printedTexts == null) {
            try {
                printedTexts = pageTexts(new PrintedText());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return printedTexts.get(number - 1);
    }

    public int pages() {
        return pageTexts.size();
    }

    /** Whitespace (including no-break spaces) folded to single spaces, soft hyphens removed. */
    public static String normalize(String text) {
        return text.replace("\u00ad", "").replaceAll("[\\s\u00a0\u202f\u2009]+", " ").strip();
    }

    /** Pages on which {@code text} appears, compared with whitespace normalised. */
    public List<Integer> pagesContaining(String text) {
        String needle = normalize(text);
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < pageTexts.size(); i++) {
            if (normalize(pageTexts.get(i)).contains(needle)) {
                pages.add(i + 1);
            }
        }
        return pages;
    }

    /**
     * Every box label printed with «(ОКОНЧАНИЕ)» opens its page (the first line under the running
     * header) and follows a page that printed the same label (or its continuation); {@code expected} such pages in all
     * (of every box), and {@code mustSplit} is one of the labels continued.
     */
    public static void assertLongBoxesRepeatTheirLabels(BuiltIssue issue, String mustSplit, int expected) {
        int continued = 0;
        boolean sawMustSplit = false;
        for (int page = 2; page <= issue.pages(); page++) {
            if (!issue.page(page).contains("(ОКОНЧАНИЕ)")) {
                continue;
            }
            List<String> lines = issue.linesByPosition(page);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).endsWith("(ОКОНЧАНИЕ)")) {
                    continue;
                }
                continued++;
                String label = lines.get(i).substring(0, lines.get(i).length() - " (ОКОНЧАНИЕ)".length());
                sawMustSplit |= label.equals(mustSplit);
                // Line 0 is the running header (title, issue and month on one baseline).
                org.junit.jupiter.api.Assertions.assertEquals(1, i, "the repeated label opens page " + page + ": " + lines);
                org.junit.jupiter.api.Assertions.assertTrue(issue.page(page - 1).lines().map(String::strip)
                                .anyMatch(l -> l.equals(label) || l.equals(label + " (ОКОНЧАНИЕ)")),
                        "page " + (page - 1) + " prints the box «" + label + "» (its start or a continuation)");
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected, continued, "pages that continue a long box");
        org.junit.jupiter.api.Assertions.assertTrue(sawMustSplit, "«" + mustSplit + "» is split across pages and labelled on its second");
    }

}
