package org.digestpress.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.digestpress.archive.PublishedNames;
import org.digestpress.assets.Assets;
import org.digestpress.content.Article;
import org.digestpress.content.BrandColours;
import org.digestpress.content.Issue;
import org.digestpress.content.IssueSection;
import org.digestpress.content.Publication;
import org.digestpress.layout.IssueLayout;
import org.digestpress.layout.IssueView;
import org.digestpress.pdf.PdfWriter;
import org.digestpress.problem.Problems;

/**
 * The e-mail edition: the newsletter subscribers receive, {@code email.html} and its plain-text
 * part {@code email.txt}, written into the web edition's folder from the same typeset view as the
 * PDF with {@code templates/email.ftlh} and {@code templates/email.txt.ftl}. It lists the issue's
 * articles (title, region, lead), each linking to its place in the web edition and to its offprint,
 * under the brand's header and above the back page's contacts.
 *
 * <p>A letter is read far from its folder, so its links must be absolute: they point into the
 * archive as published at {@code web.base_url} ({@link PublishedNames}). Without that key the links
 * are relative to the web edition beside the letter (good for looking at it, not for sending) and
 * the build says so; the letter then shows no image, since a mail client cannot load one from disk.
 */
public final class EmailEdition {

    public static final String PAGE = "email.html";
    public static final String TEXT = "email.txt";
    static final String HTML_TEMPLATE = "email.ftlh";
    static final String TEXT_TEMPLATE = "email.txt.ftl";
    /** Fonts every mail client has; the letter needs no web font. */
    static final String SERIF = "Georgia,Times,serif";
    static final String SANS = "Arial,Helvetica,sans-serif";
    /** The archive's cover picture (48 dpi of A4), shown 180 px wide. */
    private static final int COVER_WIDTH = 180;
    private static final int COVER_HEIGHT = 254;

    private final Assets templates;

    public EmailEdition(Assets templates) {
        this.templates = templates;
    }

    /** The letter, ready to be written. */
    public record Letter(String html, String text) {

        /** The files it writes into the web edition's folder. */
        public static List<String> outputs() {
            return List.of(PAGE, TEXT);
        }

        /** Both files, each atomically (beside, then renamed). @return the HTML, or null (problems say why) */
        public Path write(Path folder, Problems problems) {
            try {
                PdfWriter.writeAtomically(folder.resolve(TEXT), text.getBytes(StandardCharsets.UTF_8));
                Path page = folder.resolve(PAGE);
                PdfWriter.writeAtomically(page, html.getBytes(StandardCharsets.UTF_8));
                return page;
            } catch (IOException e) {
                problems.error(folder, 0, 0, "The e-mail edition cannot be written: " + e.getMessage() + ".");
                return null;
            }
        }
    }

    /**
     * Makes the letter and writes nothing.
     *
     * @param pdfName the PDF's name beside the web edition's page (its copy there), for the relative links
     * @return the letter, or null when a template failed (problems say why)
     */
    public Letter prepare(IssueView view, Publication publication, Issue issue, String pdfName, Problems problems) {
        String name = issue.date().toString();
        String base = publication.baseUrl();
        if (base == null) {
            problems.warning(publication.file(), 0, 0, "The e-mail edition's links are relative to the web edition "
                    + "beside it and it shows no image, since publication.yaml does not say where the archive is "
                    + "published; add 'web: {base_url: https://…/}' before sending it.");
        }
        Links links = new Links(base, name);
        Map<String, Object> articles = new TreeMap<>();
        for (IssueSection section : issue.sections()) {
            for (Article article : section.articles()) {
                Map<String, Object> a = new TreeMap<>();
                String anchor = "article-" + article.key();
                a.put("web", links.web(anchor));
                if (base != null) {
                    a.put("offprint", links.absolute(PublishedNames.offprint(name, issue.dir(), article.file())));
                }
                articles.put(anchor, a);
            }
        }
        IssueView.Brand b = view.brand();
        Map<String, Object> colours = new TreeMap<>();
        colours.put("header", BrandColours.forText(b.primary(), "#ffffff"));
        colours.put("rule", b.accent());
        colours.put("link", BrandColours.forText(b.primary(), "#ffffff"));
        colours.put("kicker", BrandColours.forText(b.accent(), "#ffffff"));
        colours.put("text", BrandColours.forText(b.text(), "#ffffff"));
        colours.put("muted", BrandColours.forText("#5b676e", "#ffffff"));
        colours.put("footer", "#f4f6f7");
        colours.put("footerText", BrandColours.forText(b.text(), "#f4f6f7"));
        colours.put("footerLink", BrandColours.forText(b.primary(), "#f4f6f7"));
        Map<String, Object> email = new TreeMap<>();
        email.put("absolute", base != null);
        email.put("web", links.web(null));
        email.put("pdf", base != null ? links.absolute(PublishedNames.issuePdf(name)) : PublishedNames.link(pdfName));
        email.put("articles", articles);
        email.put("colours", colours);
        email.put("serif", SERIF);
        email.put("sans", SANS);
        email.put("back", new MailFragment((String) colours.get("footerText"), (String) colours.get("footerLink"), SANS)
                .html(view.backPageHtml()));
        email.put("backText", MailFragment.text(view.backPageHtml()));
        if (base != null) {
            Map<String, Object> cover = new TreeMap<>();
            cover.put("src", links.absolute(PublishedNames.cover(name)));
            cover.put("width", COVER_WIDTH);
            cover.put("height", COVER_HEIGHT);
            email.put("cover", cover);
        }
        IssueLayout layout = new IssueLayout(templates);
        String html = layout.render(HTML_TEMPLATE, view, Map.of("email", email), problems);
        String text = layout.render(TEXT_TEMPLATE, view, Map.of("email", email), problems);
        if (html == null || text == null) {
            return null;
        }
        return new Letter(html.replace("\u00ad", ""), PlainText.wrap(text.replace("\u00ad", "")));
    }

    /** Links into the archive at {@code base}, or relative to the web edition beside the letter. */
    private record Links(String base, String issue) {

        String web(String anchor) {
            String page = base == null ? "index.html" : absolute(PublishedNames.webPage(issue));
            return anchor == null ? page : page + "#" + anchor;
        }

        String absolute(String path) {
            return base + PublishedNames.link(path);
        }
    }
}
