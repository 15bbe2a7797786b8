package org.digestpress.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * What a written PDF says about itself, read back from the file: its pages, the conformance its
 * XMP claims, and where its bookmarks point. Reading the claim from the file (rather than from a
 * constant) means an archive record can never disagree with the PDF it describes.
 *
 * @param pdfa     e.g. {@code PDF/A-2u}, or {@code none}
 * @param pdfua    e.g. {@code PDF/UA-1}, or {@code none}
 * @param articles the second-level bookmarks (an issue's articles, under their sections) in order
 */
public record PdfFacts(int pages, String pdfa, String pdfua, List<Bookmark> articles) {

    /** A bookmark and the 1-based page it points to. */
    public record Bookmark(String title, int page) {
    }

    public PdfFacts {
        articles = List.copyOf(articles);
    }

    private static final Pattern PDFA_PART = xmpField("pdfaid", "part");
    private static final Pattern PDFA_CONFORMANCE = xmpField("pdfaid", "conformance");
    private static final Pattern PDFUA_PART = xmpField("pdfuaid", "part");

    /** Matches both XMP spellings: {@code pdfaid:part="2"} and {@code <pdfaid:part>2</pdfaid:part>}. */
    private static Pattern xmpField(String prefix, String name) {
        String field = Pattern.quote(prefix + ":" + name);
        return Pattern.compile(field + "\\s*=\\s*[\"']([^\"']*)[\"']|<" + field + ">\\s*([^<\\s]*)\\s*</" + field + ">");
    }

    public static PdfFacts read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String xmp = "";
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata != null) {
                try (var in = metadata.exportXMPMetadata()) {
                    xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String aPart = find(PDFA_PART, xmp);
            String aLevel = find(PDFA_CONFORMANCE, xmp);
            String uaPart = find(PDFUA_PART, xmp);
            String pdfa = aPart == null ? "none" : "PDF/A-" + aPart + (aLevel == null ? "" : aLevel.toLowerCase(Locale.ROOT));
            String pdfua = uaPart == null ? "none" : "PDF/UA-" + uaPart;
            return new PdfFacts(document.getNumberOfPages(), pdfa, pdfua, articleBookmarks(document));
        }
    }

    private static String find(Pattern pattern, String xmp) {
        Matcher m = pattern.matcher(xmp);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static List<Bookmark> articleBookmarks(PDDocument document) throws IOException {
        List<Bookmark> found = new ArrayList<>();
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return found;
        }
        for (PDOutlineItem section : outline.children()) {
            for (PDOutlineItem article : section.children()) {
                found.add(new Bookmark(article.getTitle(), pageIndex(document, article) + 1));
            }
        }
        return found;
    }

    static int pageIndex(PDDocument document, PDOutlineItem item) throws IOException {
        Object destination = item.getDestination();
        if (destination == null && item.getAction() instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        if (destination instanceof PDPageDestination pageDestination && pageDestination.getPage() != null) {
            return document.getPages().indexOf(pageDestination.getPage());
        }
        return -1;
    }
}
