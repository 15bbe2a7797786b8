package org.digestpress.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * Turns tagged marked content into artifacts: content a screen reader skips because it is
 * decoration or a repetition. The sequence's {@code /Tag <</MCID n>> BDC} in the page's content
 * becomes {@code /Artifact BMC}, the structure element no longer lists it, and the parent tree
 * no longer maps the id to it. What is drawn stays the same.
 */
final class Artifacts {

    // In the order taken (document order), so the rewritten streams come out the same every run.
    private final Map<COSDictionary, Set<Integer>> byPage = new LinkedHashMap<>();
    private final Map<COSDictionary, PDPage> pages = new LinkedHashMap<>();

    /** Takes {@code item} out of {@code element} and marks it for {@link #write}. */
    void take(PDStructureElement element, MarkedContent.Item item) {
        COSBase k = element.getCOSObject().getDictionaryObject(COSName.K);
        if (k instanceof COSArray array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (item.equals(sameItem(element, array.getObject(i), item))) {
                    array.remove(i);
                }
            }
        } else if (k != null && item.equals(sameItem(element, k, item))) {
            element.getCOSObject().removeItem(COSName.K);
        }
        byPage.computeIfAbsent(item.page().getCOSObject(), p -> new HashSet<>()).add(item.mcid());
        pages.put(item.page().getCOSObject(), item.page());
    }

    private static MarkedContent.Item sameItem(PDStructureElement element, COSBase kid, MarkedContent.Item wanted) {
        MarkedContent.Item item = MarkedContent.item(element, kid);
        return item != null && item.mcid() == wanted.mcid()
                && item.page().getCOSObject() == wanted.page().getCOSObject() ? wanted : null;
    }

    boolean isEmpty() {
        return byPage.isEmpty();
    }

    /** Rewrites the content of every page that has marked content taken. */
    void write(PDDocument document) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        for (Map.Entry<COSDictionary, Set<Integer>> entry : byPage.entrySet()) {
            PDPage page = pages.get(entry.getKey());
            rewrite(document, page, entry.getValue());
            if (root != null) {
                forgetInParentTree(root, page.getStructParents(), entry.getValue());
            }
        }
    }

    private static void rewrite(PDDocument document, PDPage page, Set<Integer> mcids) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(page);
        List<Object> tokens = parser.parse();
        List<Object> out = new ArrayList<>(tokens.size());
        for (Object token : tokens) {
            if (token instanceof Operator op && "BDC".equals(op.getName()) && out.size() >= 2
                    && out.get(out.size() - 1) instanceof COSDictionary properties
                    && mcids.contains(properties.getInt(COSName.MCID, -1))) {
                out.remove(out.size() - 1);
                out.remove(out.size() - 1);
                out.add(COSName.ARTIFACT);
                out.add(Operator.getOperator("BMC"));
            } else {
                out.add(token);
            }
        }
        PDStream stream = new PDStream(document);
        try (OutputStream target = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(target).writeTokens(out);
        }
        page.setContents(stream);
    }

    /** Sets the parent tree's entries of {@code mcids} on the page to null. */
    private static void forgetInParentTree(PDStructureTreeRoot root, int key, Set<Integer> mcids) {
        if (key < 0) {
            return;
        }
        COSArray entries = find(root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE), key);
        if (entries != null) {
            for (int mcid : mcids) {
                if (mcid < entries.size()) {
                    entries.set(mcid, COSNull.NULL);
                }
            }
        }
    }

    private static COSArray find(COSDictionary node, int key) {
        if (node == null) {
            return null;
        }
        COSArray nums = node.getCOSArray(COSName.NUMS);
        if (nums != null) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                if (nums.getObject(i) instanceof COSNumber n && n.intValue() == key) {
                    COSBase value = nums.getObject(i + 1);
                    return value instanceof COSArray array ? array : null;
                }
            }
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                COSBase kid = kids.getObject(i);
                COSArray found = find(kid instanceof COSDictionary d ? d : null, key);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
