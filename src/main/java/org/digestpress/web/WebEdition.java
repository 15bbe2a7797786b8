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

import org.digestpress.assets.Assets;
import org.digestpress.assets.Confinement;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.content.BrandColours;
import org.digestpress.content.ImageFiles;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problems;
import org.digestpress.problem.StageClock;
import org.digestpress.typography.TypesetFragment;

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

    /** The print edition's templates, parsed once per workspace, not once per build. */
    private final IssueLayout layout;
    private final Assets fonts;
    private final ChartCompiler charts;

    public WebEdition(IssueLayout layout, Assets fonts, ChartCompiler charts) {
        this.layout = layout;
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
        return prepare(view, Map.of(), pdfName, problems);
    }

    /**
     * {@link #prepare(IssueView, String, Problems)} from the trees the typography stage built
     * (by anchor, as {@link org.digestpress.engine.TypesetIssue#trees()}), each read through a
     * copy; a text without its tree is parsed again.
     */
    public Page prepare(IssueView view, Map<String, TypesetFragment> trees, String pdfName, Problems problems) {
        PageFiles files = new PageFiles();
        Pictures pictures = new Pictures(files);
        ChartFiles chartFiles = new ChartFiles(charts, files);
        WebFragment fragments = new WebFragment(charts, pictures, chartFiles);
        Map<String, String> html = new TreeMap<>();
        html.put("inside", fragments.convert(view.insideCoverHtml(), trees.get("inside"), "inside", 3, view.labels()));
        html.put("back", fragments.convert(view.backPageHtml(), trees.get("back"), "back", 3, view.labels()));
        Map<String, Pictures.Picture> images = new TreeMap<>();
        Map<String, String> articleData = new TreeMap<>();
        Map<String, String> languages = new TreeMap<>();
        for (String uri : new String[] {view.brand().logo(), view.coverImage()}) {
            if (uri != null) {
                images.put(uri, pictures.of(uri));
            }
        }
        for (IssueView.SectionView section : view.sections()) {
            if (section.introHtml() != null) {
                html.put(section.anchor(), fragments.convert(section.introHtml(), trees.get(section.anchor()),
                        section.anchor(), 3, view.labels()));
            }
            for (IssueView.ArticleView article : section.articles()) {
                if (article.image() != null) {
                    images.put(article.image(), pictures.of(article.image()));
                }
                html.put(article.anchor(), fragments.convert(article.bodyHtml(), trees.get(article.anchor()),
                        article.anchor(), 4, article.labels()));
                languages.put(article.anchor(), article.language());
                articleData.put(article.anchor(), ArticleData.json(view, section, article,
                        article.image() == null ? null : images.get(article.image()).src()));
            }
        }
        Map<String, byte[]> made = new TreeMap<>(chartFiles.all());
        String blank = files.reserve("blank.gif");
        made.put(blank, BLANK_GIF);
        Map<String, Object> web = new TreeMap<>();
        web.put("html", html);
        Map<String, Object> pictureMaps = new TreeMap<>();
        images.forEach((uri, picture) -> pictureMaps.put(uri, picture.asMap()));
        web.put("pictures", pictureMaps);
        web.put("pdf", pdfName);
        web.put("pdfFacts", PDF_FACTS);
        web.put("blank", blank);
        web.put("data", articleData);
        web.put("languages", languages);
        web.put("colours", colours(view.brand()));
        String page = layout.render(TEMPLATE, view, Map.of("web", web), problems);
        if (page == null) {
            return null;
        }
        page = page.replace("\u00ad", "");
        Map<String, String> faces = WebFonts.named(page);
        StageClock.mark("web edition made (not written)");
        return new Page(page, files.all(), pictures.resized(), made, faces, pdfName, view);
    }

    /** The placeholder of the PDF's size and pages, which are known only when the page is written. */
    static final String PDF_FACTS = "<!--digestpress-pdf-facts-->";
    /** A transparent pixel: the cover's {@code <img>} on a phone, where the cover is not shown and not loaded. */
    private static final byte[] BLANK_GIF = java.util.Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /**
     * The brand's colours for text: the accent is 2.9:1 on white in the sample, too faint for small
     * text, so small text gets a shade of it that reads ({@link BrandColours}); rules and bands keep
     * the brand's own.
     */
    private static Map<String, String> colours(IssueView.Brand brand) {
        Map<String, String> colours = new TreeMap<>();
        colours.put("accentText", BrandColours.forText(brand.accent(), "#ffffff"));
        colours.put("accentOnTint", BrandColours.forText(brand.accent(), brand.accentTint()));
        colours.put("primaryText", BrandColours.forText(brand.primary(), "#ffffff"));
        colours.put("primaryOnTint", BrandColours.forText(brand.primary(), brand.primaryTint()));
        colours.put("accentOnPrimary", BrandColours.forText(brand.accent(), brand.primary()));
        colours.put("inkOnTint", BrandColours.forText(brand.text(), brand.primaryTint()));
        return colours;
    }

    /** A page ready to be written, with everything it refers to. */
    public final class Page {
        private final String html;
        private final Map<String, Path> images;
        private final Map<String, ResizedImage> resized;
        private final Map<String, byte[]> made;
        private final Map<String, String> faces;
        private final String pdfName;
        private final IssueView view;

        private Page(String html, Map<String, Path> images, Map<String, ResizedImage> resized, Map<String, byte[]> made,
                     Map<String, String> faces, String pdfName, IssueView view) {
            this.html = html;
            this.images = images;
            this.resized = resized;
            this.made = made;
            this.faces = faces;
            this.pdfName = pdfName;
            this.view = view;
        }

        /** Every file the page needs, relative to its folder, sorted: the page, the PDF, images/…, fonts/…. */
        public List<String> outputs() {
            TreeSet<String> all = new TreeSet<>(images.keySet());
            all.addAll(resized.keySet());
            all.addAll(made.keySet());
            faces.keySet().forEach(name -> all.add(FONTS + "/" + name));
            WebFonts.licences(faces).forEach(name -> all.add(FONTS + "/" + name));
            all.add(PAGE);
            all.add(pdfName);
            return List.copyOf(all);
        }

        /**
         * Writes the page and its files into {@code folder}, each to a temporary file beside it and
         * then renamed over the old one: a reader never sees half a file, and a link found at a
         * file's name is replaced, never written through. The PDF is copied there too, for the link.
         * Images are copied (or resized) only from inside {@code publication}, links followed, and an
         * SVG only if the bytes copied pass the check.
         *
         * @return the page, or null when it could not be written (problems say why)
         */
        public Path write(Path pdf, Path folder, Path publication, Problems problems) {
            try {
                Files.createDirectories(folder.resolve(IMAGES));
                Files.createDirectories(folder.resolve(FONTS));
                for (Map.Entry<String, Path> file : images.entrySet()) {
                    byte[] bytes = confined(file.getValue(), publication, problems);
                    if (bytes == null || file.getKey().toLowerCase(Locale.ROOT).endsWith(".svg")
                            && !ImageFiles.publishableSvg(file.getValue(), bytes, problems)) {
                        continue;
                    }
                    PdfWriter.writeAtomically(folder.resolve(file.getKey()), bytes);
                }
                for (Map.Entry<String, ResizedImage> copy : resized.entrySet()) {
                    byte[] original = confined(copy.getValue().source(), publication, problems);
                    byte[] bytes = original == null ? null : resize(copy.getValue(), original, problems);
                    if (bytes != null) {
                        PdfWriter.writeAtomically(folder.resolve(copy.getKey()), bytes);
                    }
                }
                for (Map.Entry<String, byte[]> file : made.entrySet()) {
                    PdfWriter.writeAtomically(folder.resolve(file.getKey()), file.getValue());
                }
                for (Map.Entry<String, String> face : faces.entrySet()) {
                    Optional<byte[]> bytes = font(face.getKey(), face.getValue(), problems);
                    if (bytes == null) {
                        continue;
                    }
                    if (bytes.isEmpty()) {
                        problems.error(folder.resolve(PAGE), 0, 0, "The web stylesheet names the font 'fonts/" + face.getKey()
                                + "', which (or whose .ttf) is not in " + fonts.describe() + ".");
                        continue;
                    }
                    PdfWriter.writeAtomically(folder.resolve(FONTS).resolve(face.getKey()), bytes.get());
                }
                for (String licence : WebFonts.licences(faces)) {
                    Optional<byte[]> bytes = fonts.read(licence);
                    if (bytes.isPresent()) {
                        PdfWriter.writeAtomically(folder.resolve(FONTS).resolve(licence), bytes.get());
                    }
                }
                // By bytes, not Files.copy: the copy gets the umask's mode, not the source's (the PDF may be 0600).
                byte[] pdfBytes = Files.readAllBytes(pdf);
                PdfWriter.writeAtomically(folder.resolve(pdfName), pdfBytes);
                Path out = folder.resolve(PAGE);
                String facts = PdfFacts.describe(pdfBytes, view.labels(), view.language());
                PdfWriter.writeAtomically(out, html.replace(PDF_FACTS, facts).getBytes(StandardCharsets.UTF_8));
                StageClock.mark("web edition written: page, pictures, fonts cut down");
                return out;
            } catch (IOException e) {
                problems.error(folder, 0, 0, "The web edition cannot be written: " + e.getMessage() + ".");
                return null;
            }
        }

        /** A resized copy of a photo; null, with a problem, when the photo cannot be decoded. */
        private byte[] resize(ResizedImage copy, byte[] original, Problems problems) {
            try {
                byte[] bytes = copy.make(original);
                if (bytes != null) {
                    return bytes;
                }
            } catch (IOException | RuntimeException e) {
                // a damaged file the earlier stages let through: said below, in words
            }
            problems.error(copy.source(), 0, 0, "This image cannot be decoded, so the web edition has no "
                    + copy.width() + " px copy of it; save it again as PNG or JPEG.");
            return null;
        }

        /** A web font's bytes (empty when its file is missing); null, reported, when its TrueType file does not read as a font. */
        private Optional<byte[]> font(String name, String family, Problems problems) {
            try {
                return WebFonts.make(name, family, html, fonts);
            } catch (IOException | RuntimeException e) {
                problems.error(null, 0, 0, "The font '" + name + "' for the web edition cannot be made "
                        + "from its TrueType file in " + fonts.describe() + ", which does not read as a font.");
                return null;
            }
        }

        /**
         * The bytes of an image, checked again as read now: a server may be building while the
         * author saves, or replaces an image with a link to a file elsewhere. Null when refused.
         */
        private byte[] confined(Path file, Path publication, Problems problems) throws IOException {
            if (!Confinement.inside(file, publication)) {
                problems.error(file, 0, 0, "This image became a link to a file outside the "
                        + "publication folder while the issue was built; it is not copied.");
                return null;
            }
            return Files.readAllBytes(file);
        }
    }
}
