package org.digestpress.web;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What the PDF link tells before one clicks it: «PDF, 405 КБ, 32 страницы». Known only once the
 * PDF is written, so the page carries a placeholder until then.
 */
final class PdfFacts {

    private PdfFacts() {
    }

    /** The facts in the publication's language, escaped for HTML; empty when the PDF cannot be read. */
    static String describe(byte[] pdf, Map<String, String> labels, String language) {
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        } catch (IOException e) {
            return "";
        }
        long kb = Math.max(1, pdf.length / 1024);
        String size = format(labels.getOrDefault("web_kb", "{0} KB"), kb);
        String count = format(labels.getOrDefault("web_pages_" + plural(pages, language), "{0} pages"), pages);
        StringBuilder out = new StringBuilder();
        HtmlMarkup.escape(format(labels.getOrDefault("web_pdf_facts", "{0}, {1}"), size, count), false, out);
        return out.toString();
    }

    private static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(arguments);
    }

    /**
     * The plural form a count takes: {@code one}, {@code few} or {@code many} in the East Slavic
     * languages (1 страница, 2 страницы, 5 страниц, 21 страница), {@code one} or {@code many} elsewhere.
     */
    static String plural(long n, String language) {
        String primary = language.split("-")[0].toLowerCase(Locale.ROOT);
        if (primary.equals("ru") || primary.equals("uk") || primary.equals("be")) {
            long ten = n % 10;
            long hundred = n % 100;
            if (ten == 1 && hundred != 11) {
                return "one";
            }
            return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? "few" : "many";
        }
        return n == 1 ? "one" : "many";
    }
}
