package org.digestpress.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Gives each word that hyphenation broke across lines back to text extraction whole: the glyphs of
 * its head and the added hyphen («при-») go into a marked-content span whose /ActualText is the
 * whole word («прибыль»), the glyphs of its tail on the next line («быль») into one whose
 * /ActualText is empty. Copy and paste, search, {@code pdftotext} and the tagged text (each line
 * is a marked-content sequence of its own, so one span cannot reach over the break as in the
 * example of ISO 32000 14.9.4) then read the word once, where its head is; the page looks the same.
 *
 * <p>Which glyphs those are comes from the markers {@link LineEnds} drew around each head and
 * tail. Each page's content stream is parsed once, only pages with markers are written again, and
 * every marker is taken out. A break is wrapped only when both its head and its tail were found
 * as expected (the glyph counts match and neither reaches across a font change); otherwise its
 * text stays as openhtmltopdf drew it, so a word is never lost.
 */
final class BrokenWords {
    private static final byte[] MARKER = ("/" + LineEnds.MARK.getName()).getBytes(StandardCharsets.US_ASCII);
    private static final Operator BDC = Operator.getOperator("BDC");
    private static final Operator EMC = Operator.getOperator("EMC");
    private static final Operator TJ = Operator.getOperator("TJ");
    private static final Operator TJ_STRING = Operator.getOperator("Tj");
    private static final COSName SPAN = COSName.getPDFName("Span");

    private BrokenWords() {
    }

    /** A run of glyphs of one text-showing operator to wrap, by glyph index, and its /ActualText. */
    private record Wrap(int from, int to, String actualText, int breakNumber, boolean head) {
    }

    /** A page with markers: its tokens, what to wrap in which operator, and which tokens to drop. */
    private record Page(PDPage page, List<Object> tokens, Map<Integer, List<Wrap>> wraps, Set<Integer> dropped,
                        Map<Integer, Integer> codeBytes, Set<COSName> properties) {
        Page(PDPage page, List<Object> tokens) {
            this(page, tokens, new HashMap<>(), new HashSet<>(), new HashMap<>(), new HashSet<>());
        }
    }

    static void wrap(PDDocument document) throws IOException {
        List<Page> pages = new ArrayList<>();
        Set<Integer> heads = new HashSet<>();
        Set<Integer> tails = new HashSet<>();
        for (PDPage pdfPage : document.getPages()) {
            byte[] content;
            try (InputStream in = pdfPage.getContents()) {
                content = in.readAllBytes();
            }
            if (indexOf(content, MARKER) < 0) {
                continue;
            }
            PDFStreamParser parser = new PDFStreamParser(content);
            Page page = new Page(pdfPage, parser.parse());
            plan(page, fonts(pdfPage));
            for (List<Wrap> wraps : page.wraps().values()) {
                for (Wrap w : wraps) {
                    (w.head() ? heads : tails).add(w.breakNumber());
                }
            }
            pages.add(page);
        }
        Set<Integer> whole = new HashSet<>(heads);
        whole.retainAll(tails);
        for (Page page : pages) {
            write(document, page, whole);
        }
    }

    /** Bytes per character code of each font of the page by resource name; fonts not listed are left alone. */
    private static Map<COSName, Integer> fonts(PDPage page) {
        Map<COSName, Integer> out = new HashMap<>();
        if (page.getResources() == null) {
            return out;
        }
        COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            return out;
        }
        for (COSName name : fonts.keySet()) {
            if (fonts.getDictionaryObject(name) instanceof COSDictionary font) {
                COSName subtype = font.getCOSName(COSName.SUBTYPE);
                COSName encoding = font.getCOSName(COSName.ENCODING);
                if (COSName.TYPE0.equals(subtype) && (COSName.IDENTITY_H.equals(encoding)
                        || COSName.IDENTITY_V.equals(encoding))) {
                    out.put(name, 2);
                } else if (COSName.TRUE_TYPE.equals(subtype) || COSName.TYPE1.equals(subtype)) {
                    out.put(name, 1);
                }
            }
        }
        return out;
    }

    /** Finds the markers of the page and the glyphs each one's head and tail are. */
    private static void plan(Page page, Map<COSName, Integer> fonts) {
        List<Object> tokens = page.tokens();
        COSDictionary properties = page.page().getResources() == null ? null
                : page.page().getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
        COSName font = null;
        // Per open marked-content sequence: the marker's dictionary (null for others) and its text operators.
        List<COSDictionary> open = new ArrayList<>();
        List<List<Integer>> shown = new ArrayList<>();
        int operandsFrom = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Operator op)) {
                continue;
            }
            String name = op.getName();
            if (name.equals("Tf") && i - 2 >= operandsFrom && tokens.get(i - 2) instanceof COSName f) {
                font = f;
            } else if (name.equals("BDC") || name.equals("BMC")) {
                COSDictionary mark = null;
                if (name.equals("BDC") && i - 2 >= operandsFrom && LineEnds.MARK.equals(tokens.get(i - 2))) {
                    // openhtmltopdf's content stream adapter puts the dictionary in the page's /Properties.
                    mark = tokens.get(i - 1) instanceof COSDictionary d ? d
                            : tokens.get(i - 1) instanceof COSName n && properties != null
                            ? properties.getCOSDictionary(n) : null;
                    if (tokens.get(i - 1) instanceof COSName n) {
                        page.properties().add(n);
                    }
                    page.dropped().addAll(List.of(i - 2, i - 1, i));
                    mark = mark == null ? new COSDictionary() : mark;
                }
                open.add(mark);
                shown.add(new ArrayList<>());
            } else if (name.equals("EMC") && !open.isEmpty()) {
                COSDictionary mark = open.remove(open.size() - 1);
                List<Integer> ops = shown.remove(shown.size() - 1);
                if (mark != null) {
                    page.dropped().add(i);
                    plan(page, mark, ops);
                }
            } else if ((name.equals("TJ") || name.equals("Tj")) && !open.isEmpty() && i - 1 >= operandsFrom) {
                Integer bytes = font == null ? null : fonts.get(font);
                for (List<Integer> ops : shown) {
                    // A text operator whose codes cannot be counted spoils the count: -1 stands for it.
                    ops.add(bytes == null ? -1 : i);
                }
                if (bytes != null) {
                    page.codeBytes().put(i, bytes);
                }
            }
            operandsFrom = i + 1;
        }
    }

    private static void plan(Page page, COSDictionary mark, List<Integer> ops) {
        if (ops.isEmpty() || ops.contains(-1)) {
            return;
        }
        int total = 0;
        for (int op : ops) {
            total += glyphs(page, op).size();
        }
        if (total != mark.getInt(LineEnds.GLYPHS, -1)) {
            return;
        }
        String head = mark.getString(LineEnds.HEAD);
        String tail = mark.getString(LineEnds.TAIL);
        int last = ops.get(ops.size() - 1);
        int first = ops.get(0);
        Wrap headWrap = null;
        if (head != null && mark.getString(LineEnds.WORD) != null) {
            int n = glyphs(page, last).size();
            int count = head.codePointCount(0, head.length());
            if (count <= n) {
                headWrap = new Wrap(n - count, n, mark.getString(LineEnds.WORD), mark.getInt(LineEnds.HEAD_BREAK), true);
                page.wraps().computeIfAbsent(last, k -> new ArrayList<>()).add(headWrap);
            }
        }
        if (tail != null) {
            int count = tail.codePointCount(0, tail.length());
            boolean overlaps = headWrap != null && first == last && count > headWrap.from();
            if (count <= glyphs(page, first).size() && !overlaps) {
                page.wraps().computeIfAbsent(first, k -> new ArrayList<>())
                        .add(0, new Wrap(0, count, "", mark.getInt(LineEnds.TAIL_BREAK), false));
            }
        }
    }

    /** One glyph: the array element (0 for Tj) and its bytes in that string. */
    private record Glyph(int element, int start, int end) {
    }

    private static List<Glyph> glyphs(Page page, int op) {
        int bytes = page.codeBytes().get(op);
        List<Glyph> out = new ArrayList<>();
        Object operand = page.tokens().get(op - 1);
        if (operand instanceof COSString s) {
            split(s, 0, bytes, out);
        } else if (operand instanceof COSArray array) {
            for (int e = 0; e < array.size(); e++) {
                if (array.getObject(e) instanceof COSString s) {
                    split(s, e, bytes, out);
                }
            }
        }
        return out;
    }

    private static void split(COSString s, int element, int bytes, List<Glyph> out) {
        int length = s.getBytes().length;
        for (int at = 0; at + bytes <= length; at += bytes) {
            out.add(new Glyph(element, at, at + bytes));
        }
    }

    private static void write(PDDocument document, Page page, Set<Integer> whole) throws IOException {
        List<Object> tokens = page.tokens();
        List<Object> out = new ArrayList<>(tokens.size() + 16 * page.wraps().size());
        for (int i = 0; i < tokens.size(); i++) {
            if (page.dropped().contains(i)) {
                continue;
            }
            List<Wrap> wraps = page.wraps().get(i + 1);
            if (wraps != null) {
                List<Wrap> applied = wraps.stream().filter(w -> whole.contains(w.breakNumber())).toList();
                if (!applied.isEmpty()) {
                    // The operand and its operator are written as parts, some of them wrapped.
                    emit(page, i + 1, applied, out);
                    i++;
                    continue;
                }
            }
            out.add(tokens.get(i));
        }
        COSDictionary properties = page.page().getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
        for (COSName marker : page.properties()) {
            properties.removeItem(marker);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ContentStreamWriter(bytes).writeTokens(out);
        COSDictionary pageDictionary = page.page().getCOSObject();
        if (pageDictionary.getDictionaryObject(COSName.CONTENTS) instanceof COSStream stream) {
            try (OutputStream to = stream.createOutputStream(COSName.FLATE_DECODE)) {
                bytes.writeTo(to);
            }
        } else {
            PDStream stream = new PDStream(document);
            try (OutputStream to = stream.createOutputStream(COSName.FLATE_DECODE)) {
                bytes.writeTo(to);
            }
            page.page().setContents(stream);
        }
    }

    /** The text operator at {@code op} written in parts: the glyphs outside the wraps plain, each wrap in its span. */
    private static void emit(Page page, int op, List<Wrap> wraps, List<Object> out) {
        List<Glyph> glyphs = glyphs(page, op);
        Object operand = page.tokens().get(op - 1);
        int at = 0;
        for (Wrap wrap : wraps) {
            part(operand, glyphs, at, wrap.from(), out);
            COSDictionary span = new COSDictionary();
            span.setItem(COSName.ACTUAL_TEXT, new COSString(wrap.actualText()));
            out.add(SPAN);
            out.add(span);
            out.add(BDC);
            part(operand, glyphs, wrap.from(), wrap.to(), out);
            out.add(EMC);
            at = wrap.to();
        }
        part(operand, glyphs, at, glyphs.size(), out);
    }

    /**
     * Glyphs {@code from} to {@code to} of the operand as a TJ or Tj of their own; in a TJ the
     * position adjustment after a glyph goes with that glyph, one before the first glyph with the
     * first part, so the parts put every glyph where the whole did.
     */
    private static void part(Object operand, List<Glyph> glyphs, int from, int to, List<Object> out) {
        if (from >= to) {
            return;
        }
        if (operand instanceof COSString s) {
            out.add(new COSString(Arrays.copyOfRange(s.getBytes(), glyphs.get(from).start(), glyphs.get(to - 1).end())));
            out.add(TJ_STRING);
            return;
        }
        COSArray array = (COSArray) operand;
        COSArray part = new COSArray();
        int firstElement = glyphs.get(from).element();
        int lastElement = glyphs.get(to - 1).element();
        int start = from == 0 ? 0 : firstElement;
        int end = to == glyphs.size() ? array.size() - 1 : lastElement;
        // Numbers directly after the part's last glyph belong to it.
        while (to < glyphs.size() && end + 1 < glyphs.get(to).element() && array.getObject(end + 1) instanceof COSNumber) {
            end++;
        }
        for (int e = start; e <= end; e++) {
            COSBase item = array.getObject(e);
            if (item instanceof COSString s) {
                int first = -1;
                int last = -1;
                for (int g = from; g < to; g++) {
                    if (glyphs.get(g).element() == e) {
                        first = first < 0 ? glyphs.get(g).start() : first;
                        last = glyphs.get(g).end();
                    }
                }
                if (first >= 0) {
                    part.add(new COSString(Arrays.copyOfRange(s.getBytes(), first, last)));
                }
            } else {
                part.add(item);
            }
        }
        out.add(part);
        out.add(TJ);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
