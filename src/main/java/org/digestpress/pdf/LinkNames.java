package org.digestpress.pdf;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * Names every link for a screen reader: its /Alt and its annotation's /Contents say what the link
 * is. openhtmltopdf writes {@code /Alt ()} on every Link without a {@code title}, and the
 * annotation of an internal link names its target («#fs-footnote-1», «#article-…»). A link is
 * named by its text; a footnote call, whose text is a bare number, by the label of its language
 * («Примечание 1», "Note 1": the {@code data-footnote-call} attribute the template puts on each
 * article, with {0} for the number).
 */
final class LinkNames {

    private static final String FOOTNOTE = "#fs-footnote-";
    static final String ATTRIBUTE = "data-footnote-call";

    private LinkNames() {
    }

    /** The footnote call label of each language the document's elements declare it for. */
    static Map<String, String> footnoteLabels(org.w3c.dom.Document document) {
        Map<String, String> labels = new TreeMap<>();
        org.w3c.dom.NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
            String label = element.getAttribute(ATTRIBUTE);
            if (!label.isBlank()) {
                labels.putIfAbsent(language(element), label);
            }
        }
        return labels;
    }

    private static String language(org.w3c.dom.Element element) {
        for (org.w3c.dom.Node n = element; n instanceof org.w3c.dom.Element e; n = e.getParentNode()) {
            if (!e.getAttribute("lang").isBlank()) {
                return e.getAttribute("lang");
            }
        }
        return "";
    }

    static void name(PDStructureNode node, String language, Map<String, String> footnoteLabels, MarkedContent text)
            throws IOException {
        Map<String, Integer> pieces = new TreeMap<>();
        java.util.List<PDStructureElement> links = new java.util.ArrayList<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element && "Link".equals(element.getStructureType())) {
                links.add(element);
                String contents = contents(annotation(element));
                if (contents != null) {
                    pieces.merge(contents, 1, Integer::sum);
                }
            }
        }
        Map<String, String> namedTargets = new TreeMap<>();
        for (PDStructureElement link : links) {
            COSDictionary annotation = annotation(link);
            String contents = contents(annotation);
            String name = nameOf(link, contents, pieces, language(link, language), footnoteLabels, text);
            if (name == null) {
                // Read as drawn: no /Alt at all rather than an empty one that says nothing.
                link.getCOSObject().removeItem(COSName.ALT);
            } else {
                link.setAlternateDescription(name);
                if (contents != null && contents.startsWith("#")) {
                    annotation.setString(COSName.CONTENTS, name);
                    namedTargets.putIfAbsent(contents, name);
                }
            }
        }
        // An index entry's link is drawn as two boxes, one of them empty: that one's annotation
        // gets the name of its twin (the same target) instead of the bare target.
        for (PDStructureElement link : links) {
            COSDictionary annotation = annotation(link);
            String contents = contents(annotation);
            if (contents != null && namedTargets.containsKey(contents)) {
                annotation.setString(COSName.CONTENTS, namedTargets.get(contents));
            }
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                name(element, language(element, language), footnoteLabels, text);
            }
        }
    }

    private static String language(PDStructureElement element, String inherited) {
        return element.getLanguage() != null ? element.getLanguage() : inherited;
    }

    /**
     * What the link is called, or null where its drawn text says it best. A link drawn in one
     * piece is named by its whole text (the annotation's /Contents, which openhtmltopdf takes from
     * the document); a footnote call by the label with its number; a link to a page number by the
     * number. The pieces of a link broken over lines, or of a contents entry (title, then leader
     * and page), are read as drawn: one name on each would be heard once per piece.
     */
    private static String nameOf(PDStructureElement link, String contents, Map<String, Integer> pieces, String language,
                                 Map<String, String> footnoteLabels, MarkedContent text) throws IOException {
        if (contents == null) {
            return null;
        }
        if (contents.startsWith(FOOTNOTE)) {
            // Only digits are trusted from the page: before the fonts are subset, text drawn in
            // other scripts does not map back to Unicode.
            String number = digits(text.text(link));
            if (number == null) {
                number = contents.substring(FOOTNOTE.length());
            }
            return footnoteLabel(language, footnoteLabels).replace("{0}", number);
        }
        if (contents.startsWith("#")) {
            return digits(text.text(link));
        }
        return pieces.get(contents) == 1 ? contents : null;
    }

    private static String digits(String text) {
        String stripped = text.replaceAll("[\\s\u00a0]+", "");
        return stripped.matches("\\d+") ? stripped : null;
    }

    private static String contents(COSDictionary annotation) {
        String contents = annotation == null ? null : annotation.getString(COSName.CONTENTS);
        return contents == null || contents.isBlank() ? null : contents;
    }

    private static String footnoteLabel(String language, Map<String, String> labels) {
        String label = language == null ? null : labels.get(language);
        if (label == null && language != null) {
            label = labels.get(language.split("-")[0]);
        }
        return label == null || !label.contains("{0}") ? "{0}" : label;
    }

    private static COSDictionary annotation(PDStructureElement link) {
        for (Object kid : link.getKids()) {
            if (kid instanceof PDObjectReference reference && reference.getReferencedObject() != null
                    && reference.getReferencedObject().getCOSObject() instanceof COSDictionary dict) {
                return dict;
            }
        }
        return null;
    }
}
