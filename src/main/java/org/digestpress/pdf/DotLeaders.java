package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * The dotted leaders of the contents and the indexes (CSS {@code leader(dotted)}) are drawn as
 * text, in a Span of their own: a screen reader would read «точка точка точка…» between a title
 * and its page. They are decoration, so they become artifacts.
 */
final class DotLeaders {

    /** Only dots and spaces, at least three dots: a leader, not a footnote marker's «. ». */
    private static final Pattern LEADER = Pattern.compile("[\\s\u00a0]*(\\.[\\s\u00a0]*){3,}");

    private DotLeaders() {
    }

    static void skip(PDStructureNode node, MarkedContent text, Artifacts artifacts) throws IOException {
        List<PDStructureElement> leaders = new ArrayList<>();
        List<PDStructureElement> kids = node.getKids().stream().filter(PDStructureElement.class::isInstance)
                .map(PDStructureElement.class::cast).toList();
        boolean inLink = node instanceof PDStructureElement e && "Link".equals(e.getStructureType());
        for (int i = 0; i < kids.size(); i++) {
            PDStructureElement element = kids.get(i);
            // A leader leads to a page number, which is a link: only there is the text read
            // (extracting every page's text would cost a cold build a few tenths of a second).
            boolean leads = inLink || i + 1 < kids.size() && holdsLink(kids.get(i + 1));
            if (leads && isLeader(element, text)) {
                leaders.add(element);
            } else {
                skip(element, text, artifacts);
            }
        }
        for (PDStructureElement leader : leaders) {
            for (MarkedContent.Item item : MarkedContent.ownItems(leader)) {
                artifacts.take(leader, item);
            }
            node.removeKid(leader);
        }
    }

    private static boolean holdsLink(PDStructureElement element) {
        return "Link".equals(element.getStructureType()) || element.getKids().stream()
                .anyMatch(k -> k instanceof PDStructureElement child && holdsLink(child));
    }

    private static boolean isLeader(PDStructureElement element, MarkedContent text) throws IOException {
        return "Span".equals(element.getStructureType())
                && element.getKids().stream().noneMatch(PDStructureElement.class::isInstance)
                && !MarkedContent.ownItems(element).isEmpty()
                && LEADER.matcher(text.text(element)).matches();
    }
}
