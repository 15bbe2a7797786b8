package org.digestpress.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.assets.Assets;
import org.digestpress.assets.Confinement;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.content.ImageFiles;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problems;

/**
 * The web edition: the whole issue as one responsive page, {@code <folder>/index.html}, made from
 * the same typeset view as the PDF with {@code templates/web.ftlx}. Everything the page uses (images,
 * fonts, the PDF itself) is copied into its folder and referred to relatively, so the folder can be
 * put on any web server or opened from disk.
 */
public final class WebEdition {

    static final String TEMPLATE = "web.ftlx";
    public static final String PAGE = "index.html";
    public static final String IMAGES = "images";
    public static final String FONTS = "fonts";
    /** Fonts the stylesheet names as {@code url("fonts/NAME")}; they are copied from the font folder. */
    private static final Pattern FONT_URL = Pattern.compile("url\\(\"?fonts/([A-Za-z0-9_-][A-Za-z0-9._-]*)\"?\\)");

    private final Assets templates;
    private final Assets fonts;
    private final ChartCompiler charts;

    public WebEdition(Assets templates, Assets fonts, ChartCompiler charts) {
        this.templates = templates;
        this.fonts = fonts;
        this.charts = charts;
    }

    /** The edition's folder: beside the PDF, named after the issue ({@code out/2025-06/} for {@code out/2025-06.pdf}). */
    public static Path folderFor(Path pdf, String issueName) {
        return pdf.toAbsolutePath().getParent().resolve(issueName);
    }

    /**
     * Makes the page and the list of its files, and writes nothing: the build checks every
     * {@link Page#outputs() output} before it writes the PDF.
     *
     * @param pdfName the name the PDF gets beside the page, for its link
     * @return the page, or null when the template failed (problems say why)
     */
    public Page prepare(IssueView view, String pdfName, Problems problems) {
        PageFiles files = new PageFiles();
        WebFragment fragments = new WebFragment(charts, files, view.labels().getOrDefault("web_notes", "Notes"));
        Map<String, String> html = new TreeMap<>();
        html.put("inside", fragments.convert(view.insideCoverHtml(), "inside", 3));
        html.put("back", fragments.convert(view.backPageHtml(), "back", 3));
        Map<String, String> images = new TreeMap<>();
        for (IssueView.SectionView section : view.sections()) {
            if (section.introHtml() != null) {
                html.put(section.anchor(), fragments.convert(section.introHtml(), section.anchor(), 3));
            }
            for (IssueView.ArticleView article : section.articles()) {
                html.put(article.anchor(), fragments.convert(article.bodyHtml(), article.anchor(), 4));
                if (article.image() != null) {
                    images.put(article.image(), files.add(article.image()));
                }
            }
        }
        for (String uri : new String[] {view.coverImage(), view.brand().logo()}) {
            if (uri != null) {
                images.put(uri, files.add(uri));
            }
        }
        Map<String, Object> web = new TreeMap<>();
        web.put("html", html);
        web.put("files", images);
        web.put("pdf", pdfName);
        String page = new IssueLayout(templates).render(TEMPLATE, view, Map.of("web", web), problems);
        if (page == null) {
            return null;
        }
        page = page.replace("\u00ad", "");
        TreeSet<String> fontNames = new TreeSet<>();
        Matcher m = FONT_URL.matcher(page);
        while (m.find()) {
            fontNames.add(m.group(1));
        }
        return new Page(page, files.all(), fontNames, pdfName);
    }

    /** A page ready to be written, with everything it refers to. */
    public final class Page {
        private final String html;
        private final Map<String, Path> images;
        private final TreeSet<String> fontNames;
        private final String pdfName;

        private Page(String html, Map<String, Path> images, TreeSet<String> fontNames, String pdfName) {
            this.html = html;
            this.images = images;
            this.fontNames = fontNames;
            this.pdfName = pdfName;
        }

        /** Every file the page needs, relative to its folder, sorted: the page, the PDF, images/…, fonts/…. */
        public List<String> outputs() {
            TreeSet<String> all = new TreeSet<>(images.keySet());
            fontNames.forEach(name -> all.add(FONTS + "/" + name));
            all.add(PAGE);
            all.add(pdfName);
            return List.copyOf(all);
        }

        /**
         * Writes the page and its files into {@code folder}, each to a temporary file beside it and
         * then renamed over the old one: a reader never sees half a file, and a link found at a
         * file's name is replaced, never written through. The PDF is copied there too, for the link.
         * Images are copied only from inside {@code publication}, links followed, and an SVG only
         * if the bytes copied pass the check.
         *
         * @return the page, or null when it could not be written (problems say why)
         */
        public Path write(Path pdf, Path folder, Path publication, Problems problems) {
            try {
                Files.createDirectories(folder.resolve(IMAGES));
                Files.createDirectories(folder.resolve(FONTS));
                for (Map.Entry<String, Path> file : images.entrySet()) {
                    // checked again as read now: a server may be building while the author saves, or
                    // replaces an image with a link to a file elsewhere
                    if (!Confinement.inside(file.getValue(), publication)) {
                        problems.error(file.getValue(), 0, 0, "This image became a link to a file outside the "
                                + "publication folder while the issue was built; it is not copied.");
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(file.getValue());
                    if (file.getKey().toLowerCase(Locale.ROOT).endsWith(".svg")
                            && !ImageFiles.publishableSvg(file.getValue(), bytes, problems)) {
                        continue;
                    }
                    PdfWriter.writeAtomically(folder.resolve(file.getKey()), bytes);
                }
                for (String name : fontNames) {
                    Optional<byte[]> bytes = fonts.read(name);
                    if (bytes.isEmpty()) {
                        problems.error(folder.resolve(PAGE), 0, 0, "The web stylesheet names the font 'fonts/" + name
                                + "', which is not in " + fonts.describe() + ".");
                        continue;
                    }
                    PdfWriter.writeAtomically(folder.resolve(FONTS).resolve(name), bytes.get());
                }
                // By bytes, not Files.copy: the copy gets the umask's mode, not the source's (the PDF may be 0600).
                PdfWriter.writeAtomically(folder.resolve(pdfName), Files.readAllBytes(pdf));
                Path out = folder.resolve(PAGE);
                PdfWriter.writeAtomically(out, html.getBytes(StandardCharsets.UTF_8));
                return out;
            } catch (IOException e) {
                problems.error(folder, 0, 0, "The web edition cannot be written: " + e.getMessage() + ".");
                return null;
            }
        }
    }
}
