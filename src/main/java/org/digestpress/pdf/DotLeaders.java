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
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (isLeader(element, text)) {
                    leaders.add(element);
                } else {
                    skip(element, text, artifacts);
                }
            }
        }
        for (PDStructureElement leader : leaders) {
            for (MarkedContent.Item item : MarkedContent.ownItems(leader)) {
                artifacts.take(leader, item);
            }
            node.removeKid(leader);
        }
    }

    private static boolean isLeader(PDStructureElement element, MarkedContent text) throws IOException {
        return "Span".equals(element.getStructureType())
                && element.getKids().stream().noneMatch(PDStructureElement.class::isInstance)
                && !MarkedContent.ownItems(element).isEmpty()
                && LEADER.matcher(text.text(element)).matches();
    }
}
