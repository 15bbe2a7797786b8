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

    private BuiltIssue(BuildResult result) throws IOException {
        this.result = result;
        if (result.failed()) {
            throw new AssertionError("The build failed: " + result.problems());
        }
        this.bytes = Files.readAllBytes(result.pdf());
        try (PDDocument document = open()) {
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
            this.pageTexts = List.copyOf(texts);
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
    public String page(int number) {
        return pageTexts.get(number - 1);
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
}
