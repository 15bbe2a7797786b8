package org.digestpress.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.digestpress.chart.ChartCompiler.ChartData;

/**
 * Embeds the numbers behind every chart as a PDF/A-3 associated file (a CSV,
 * /AFRelationship /Data), so a reader can take the data of «Рис. 2» out of the PDF alone. Each file
 * is listed in the EmbeddedFiles name tree (what pdfdetach and qpdf list), in the catalog's /AF
 * (the document's associated files) and in the /AF of the chart's Figure structure element.
 */
final class ChartDataFiles {

    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
    private static final COSName FIGURE = COSName.getPDFName("Figure");

    private ChartDataFiles() {
    }

    /**
     * @param created the document's date: the files' dates, so the bytes never depend on the clock
     */
    static void embed(PDDocument document, List<ChartData> charts, Calendar created) throws IOException {
        if (charts.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
        Map<String, Deque<PDComplexFileSpecification>> byAlt = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (ChartData chart : charts) {
            String name = unique(chart.fileName(), taken);
            PDComplexFileSpecification spec = fileSpec(document, name, chart, created);
            byName.put(name, spec);
            byAlt.computeIfAbsent(chart.alt(), a -> new ArrayDeque<>()).add(spec);
        }

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentNameDictionary names = catalog.getNames() != null ? catalog.getNames()
                : new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);

        COSArray all = new COSArray();
        byName.values().forEach(all::add);
        catalog.getCOSObject().setItem(AF, all);

        // openhtmltopdf gives the chart's Figure element nothing of the <object> but its alt text
        // (/Alt), so that is how a figure is matched to its data; should two charts share an alt
        // text, their files go to those figures in the order of the chart list.
        PDStructureTreeRoot root = catalog.getStructureTreeRoot();
        if (root != null) {
            for (PDStructureElement figure : figures(root)) {
                Deque<PDComplexFileSpecification> specs = byAlt.get(figure.getAlternateDescription());
                if (specs != null && !specs.isEmpty()) {
                    COSArray af = new COSArray();
                    af.add(specs.poll());
                    figure.getCOSObject().setItem(AF, af);
                }
            }
        }
    }

    private static PDComplexFileSpecification fileSpec(PDDocument document, String name, ChartData chart,
                                                       Calendar created) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(chart.csv()), COSName.FLATE_DECODE);
        file.setSubtype("text/csv");
        file.setSize(chart.csv().length);
        file.setCreationDate(created);
        file.setModDate(created);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setFileDescription(chart.title());
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setItem(AF_RELATIONSHIP, COSName.getPDFName("Data"));
        return spec;
    }

    /** Two charts with the same file name (no id, or a repeated id) get "-2", "-3" before ".csv". */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name.replaceFirst("(\\.csv)?$", "-" + n + ".csv");
        }
        return candidate;
    }

    /** Figure elements in document (depth-first) order. */
    private static List<PDStructureElement> figures(PDStructureNode node) {
        List<PDStructureElement> out = new ArrayList<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (FIGURE.getName().equals(element.getStructureType())) {
                    out.add(element);
                }
                out.addAll(figures(element));
            }
        }
        return out;
    }
}
