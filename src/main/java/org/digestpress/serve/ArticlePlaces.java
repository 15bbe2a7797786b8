package org.digestpress.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.digestpress.engine.Workspace;

/**
 * Where on its first page each line of the contents begins, as a fraction of the page's height from
 * its top, so a click in the page's contents scrolls to the article rather than to the top of its
 * page. Read from the PDF's bookmarks, which the template makes from the same model as the contents
 * (sections, then their articles, in order) and which openhtmltopdf points at the heading's box.
 */
final class ArticlePlaces {

    private ArticlePlaces() {
    }

    /** One fraction per entry of {@code contents}, 0 where the bookmarks do not say. */
    static List<Double> of(PDDocument document, List<Workspace.Entry> contents) {
        List<PDOutlineItem> marks = new ArrayList<>();
        if (document.getDocumentCatalog().getDocumentOutline() != null) {
            flatten(document.getDocumentCatalog().getDocumentOutline(), marks, 0);
        }
        List<Double> places = new ArrayList<>();
        int next = 0;
        for (Workspace.Entry entry : contents) {
            double place = 0;
            for (int i = next; i < marks.size(); i++) {
                PDOutlineItem mark = marks.get(i);
                if (same(mark.getTitle(), entry.title())) {
                    place = fraction(document, mark, entry.page());
                    next = i + 1;
                    break;
                }
            }
            places.add(place);
        }
        return places;
    }

    private static void flatten(PDOutlineNode node, List<PDOutlineItem> into, int depth) {
        if (depth > 8) {
            return;
        }
        for (PDOutlineItem child : node.children()) {
            into.add(child);
            flatten(child, into, depth + 1);
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && plain(a).equals(plain(b));
    }

    private static String plain(String s) {
        return s.replace("\u00ad", "").replaceAll("[\\s\u00a0\u202f]+", " ").strip();
    }

    /** The bookmark's top as a fraction of its page, when it is on the page the contents name. */
    private static double fraction(PDDocument document, PDOutlineItem mark, int page) {
        try {
            if (!(mark.getDestination() instanceof PDPageXYZDestination xyz)) {
                return 0;
            }
            PDPage target = xyz.getPage();
            int index = target != null ? document.getPages().indexOf(target) : xyz.getPageNumber();
            if (index + 1 != page || target == null || xyz.getTop() < 0) {
                return 0;
            }
            float height = target.getMediaBox().getHeight();
            double fromTop = 1 - (xyz.getTop() - target.getMediaBox().getLowerLeftY()) / height;
            return Math.max(0, Math.min(1, fromTop));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

}
