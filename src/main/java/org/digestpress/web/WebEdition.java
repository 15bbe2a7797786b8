package org.digestpress.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.assets.Assets;
import org.digestpress.chart.ChartCompiler;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.problem.Problems;

/**
 * The web edition: the whole issue as one responsive page, {@code <folder>/index.html}, made from
 * the same typeset view as the PDF with {@code templates/web.ftlx}. Everything the page uses (images,
 * fonts, the PDF itself) is copied into its folder and referred to relatively, so the folder can be
 * put on any web server or opened from disk.
 */
public final class WebEdition {

    static final String TEMPLATE = "web.ftlx";
    static final String PAGE = "index.html";
    /** Fonts the stylesheet names as {@code url("fonts/NAME")}; they are copied from the font folder. */
    private static final Pattern FONT_URL = Pattern.compile("url\\(\"?fonts/([A-Za-z0-9._-]+)\"?\\)");

    private final Assets templates;
    private final Assets fonts;
    private final ChartCompiler charts;

    public WebEdition(Assets templates, Assets fonts, ChartCompiler charts) {
        this.templates = templates;
        this.fonts = fonts;
        this.charts = charts;
    }

    /**
     * Writes the page and its files into {@code folder}; the PDF is copied there too, for the link.
     *
     * @return the page, or null when it could not be written (problems say why)
     */
    public Path write(IssueView view, Path pdf, Path folder, Problems problems) {
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
        String pdfName = pdf.getFileName().toString();
        Map<String, Object> web = new TreeMap<>();
        web.put("html", html);
        web.put("files", images);
        web.put("pdf", pdfName);
        String page = new IssueLayout(templates).render(TEMPLATE, view, Map.of("web", web), problems);
        if (page == null) {
            return null;
        }
        page = page.replace("\u00ad", "");
        try {
            Files.createDirectories(folder.resolve("images"));
            Files.createDirectories(folder.resolve("fonts"));
            for (Map.Entry<String, Path> file : files.all().entrySet()) {
                copy(file.getValue(), folder.resolve(file.getKey()));
            }
            TreeSet<String> fontNames = new TreeSet<>();
            Matcher m = FONT_URL.matcher(page);
            while (m.find()) {
                fontNames.add(m.group(1));
            }
            for (String name : fontNames) {
                Optional<byte[]> bytes = fonts.read(name);
                if (bytes.isEmpty()) {
                    problems.error(folder.resolve(PAGE), 0, 0, "The web stylesheet names the font 'fonts/" + name
                            + "', which is not in " + fonts.describe() + ".");
                    continue;
                }
                Files.write(folder.resolve("fonts").resolve(name), bytes.get());
            }
            copy(pdf, folder.resolve(pdfName));
            Path out = folder.resolve(PAGE);
            Files.writeString(out, page, StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            problems.error(folder, 0, 0, "The web edition cannot be written: " + e.getMessage() + ".");
            return null;
        }
    }

    /** By bytes, not Files.copy: the copy gets the umask's mode, not the source's (the PDF may be 0600). */
    private static void copy(Path from, Path to) throws IOException {
        Files.write(to, Files.readAllBytes(from));
    }
}
