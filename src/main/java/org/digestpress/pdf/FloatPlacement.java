package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Floats for figures, tables and boxes, done the way print layout does them: a block that does
 * not fit in the space left on a page goes to the top of the next page, and the text that
 * follows it fills the page.
 *
 * <p>openhtmltopdf has no page floats: a block with {@code page-break-inside: avoid} that does
 * not fit moves whole to the next page and leaves a hole. So the document is laid out, and the
 * laid-out boxes are read back (each box knows its element and its position in one tall
 * coordinate space that the pages slice): where a floating block starts a page although the
 * page before ended early, the block is moved in the DOM after as many of the paragraphs that
 * followed it as it takes to fill that hole, and the document is laid out again. A block moves
 * only among its siblings in its own article body, only forward, past paragraphs that stood on
 * the page it went to, so it stays in its article and at most one page from where it stood;
 * each block moves at most once, and the number of passes is bounded.
 *
 * <p>A box taller than half a page may instead split across pages ({@code box--long} lifts its
 * {@code page-break-inside: avoid}); a shorter one never splits. Where a long box goes on to a
 * new page, that page starts with the box's label and «(окончание)» (the box's
 * {@code data-continued}, from the article's labels), as a book repeats it. Tables get the same
 * treatment from {@link TableContinuations}: a short one goes whole to the next page, a long one
 * is labelled «Окончание табл. N» above its repeated header.
 *
 * <p>Passes are what a build costs (a full layout of a 300-page issue takes 3 s), so only the
 * first and the last lay out the whole document. The body's parts that start with a forced page
 * break (cover, contents, each section, back page) are laid out independently of each other: what
 * moves inside a section changes no page of another. The passes in between lay out only the
 * parts that changed, with the others taken out of the document for that pass. (This holds while
 * every page of a part has the same text block, as the template's {@code @page} rules give it: a
 * template whose left and right pages differ in width would need a probe to start on the side the
 * part starts on in the issue.) A template without forced breaks is one part, laid out whole.
 */
final class FloatPlacement {
    /** The style of the classes set here; it comes last in the head, so it wins over the template's. */
    static final String CSS = ".box.box--long { page-break-inside: auto; }\n"
            + ".box__label--continued { page-break-after: avoid; }\n"
            // The list's margins between its two parts would push its last item to the next page.
            + ".box__list--split { margin-bottom: 0; padding-bottom: 0; }\n"
            + ".box__list--continued { margin-top: 0; padding-top: 0; }\n"
            + TableContinuations.CSS;
    /**
     * Layouts at most, the first and the last (full) included. A moved float can strand the next
     * one, and a repeated label moves a long box's next page break by a line, so some sections
     * take a few rounds; six let the stress fixture's two long boxes and the sample settle.
     */
    static final int MAX_PASSES = 6;
    /** A hole smaller than this share of the page's text block is left alone. */
    private static final double HOLE = 0.12;
    /** A box taller than this share of the text block may split across pages (it becomes {@code box--long}). */
    static final double LONG_BOX = 0.5;
    /**
     * A title left behind above its moved picture needs this fraction (1/n) of the text block
     * under it, a few lines of text, so that it does not stand alone at the foot of the page.
     */
    private static final int ROOM_UNDER_TITLE = 12;
    /** How deep the box tree is walked: deeper nesting holds no floats of an article body. */
    private static final int MAX_DEPTH = 200;
    /** The class of a repeated label that this stage inserts at the top of a long box's next page. */
    private static final String CONTINUED = "box__label--continued";
    /** The classes of the two parts of a list that a page break inside a long box split here. */
    private static final String SPLIT_LIST = "box__list--split";
    private static final String CONTINUED_LIST = "box__list--continued";

    private final Set<Element> moved = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Parts settled in an earlier build (null: none kept), what their keys depend on, and the plan they go into. */
    private final SettledParts kept;
    private final String context;
    private final ChosenBreaks.Plan plan;
    private final ParagraphComposer composer;
    /** Parts put in as an earlier build settled them: their first elements, before and after. */
    private final Set<Element> frozen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The key of every part, by its first element, taken before anything moved. */
    private final Map<Element, SettledParts.Key> keys = new IdentityHashMap<>();
    private boolean sharedText;

    /** A placement that keeps nothing between builds. */
    FloatPlacement() {
        this(null, "", null, null);
    }

    /**
     * A placement that takes the parts {@code kept} has settled before and keeps the ones it
     * settles; {@code context} is what every part's layout depends on besides its own markup (the
     * styles, the first page number), {@code plan} and {@code composer} the build's.
     */
    FloatPlacement(SettledParts kept, String context, ChosenBreaks.Plan plan, ParagraphComposer composer) {
        this.kept = kept;
        this.context = context;
        this.plan = plan;
        this.composer = composer;
    }

    /**
     * True when parts taken settled from an earlier build share composed text with another part
     * (see {@link SettledParts}): the layout may then differ from an uncached one, and must be
     * made again without them.
     */
    boolean mustRedoUncached() {
        return sharedText && !frozen.isEmpty();
    }
    /** The parts still changing when the passes ran out, in document order; empty when the placement settled. */
    private final List<Element> unsettled = new ArrayList<>();
    /** The first element of the body's part (see the class comment) that each body child belongs to. */
    private final Map<Element, Element> partOf = new IdentityHashMap<>();

    /**
     * Lays the document out, moves what left holes, and lays out again until nothing moves or the
     * passes are spent.
     *
     * @param layOut one layout of the document as it stands
     * @return the full layout to draw; the caller closes it
     */
    LaidOut settle(Document document, java.util.function.Supplier<LaidOut> layOut) {
        return settle(document, layOut, renderer -> Set.of());
    }

    /**
     * As {@link #settle(Document, java.util.function.Supplier)}, and {@code recompose} looks at each
     * layout but the last and answers the elements whose lines it changed for the passes after:
     * their parts are laid out again with the others that changed.
     */
    LaidOut settle(Document document, java.util.function.Supplier<LaidOut> layOut,
                   java.util.function.Function<PdfBoxRenderer, Set<Element>> recompose) {
        LaidOut full = layOut.get();
        Set<Element> changed;
        try {
            findParts(document, full.renderer());
            if (kept != null) {
                reuse(document);
            }
            changed = improve(full.renderer());
            for (Element element : recompose.apply(full.renderer())) {
                changed.add(part(element));
            }
            changed.remove(null);
        } catch (RuntimeException e) {
            full.close();
            throw e;
        }
        if (changed.isEmpty() && frozen.isEmpty()) {
            keep(document);
            return full;
        }
        full.close();
        for (int pass = 2; pass < MAX_PASSES && !changed.isEmpty(); pass++) {
            List<Node> children = keepOnly(document, changed);
            try (LaidOut part = layOut.get()) {
                changed = improve(part.renderer());
                for (Element element : recompose.apply(part.renderer())) {
                    changed.add(part(element));
                }
                changed.remove(null);
            } finally {
                restore(document, children);
            }
        }
        for (Element part : new java.util.LinkedHashSet<>(partOf.values())) {
            if (changed.contains(part) || frozenUnsettled.contains(part)) {
                unsettled.add(part);
            }
        }
        keep(document);
        return layOut.get();
    }

    /** Parts put in settled that were still moving when they were settled. */
    private final Set<Element> frozenUnsettled = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** The body's element children of each part, in document order, by the part's first element. */
    private Map<Element, List<Node>> blocksByPart(Document document) {
        Map<Element, List<Node>> blocks = new java.util.LinkedHashMap<>();
        for (Node n = body(document).getFirstChild(); n != null; n = n.getNextSibling()) {
            Element part = n instanceof Element e ? partOf.get(e) : null;
            if (part != null) {
                blocks.computeIfAbsent(part, p -> new ArrayList<>()).add(n);
            }
        }
        return blocks;
    }

    /**
     * Puts every part an earlier build settled in as it was settled, with its composed lines, and
     * leaves the pass-1 boxes of those parts alone from now on.
     */
    private void reuse(Document document) {
        Set<Element> before = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<Element, List<Node>> part : blocksByPart(document).entrySet()) {
            SettledParts.Key key = SettledParts.key(context, part.getValue());
            keys.put(part.getKey(), key);
            SettledParts.Settled settled = kept.get(key);
            if (settled == null) {
                continue;
            }
            List<Element> fresh = settled.putIn(part.getValue(), plan);
            Element first = fresh.get(0);
            for (Node old : part.getValue()) {
                if (old instanceof Element e) {
                    before.add(e);
                }
            }
            for (Element e : fresh) {
                partOf.put(e, first);
            }
            frozen.add(part.getKey());
            frozen.add(first);
            if (settled.unsettled()) {
                frozenUnsettled.add(first);
            }
        }
        composer.skip(before::contains);
    }

    /**
     * Keeps every part settled in this build (not the ones put in settled), unless two parts
     * composed the same text.
     */
    private void keep(Document document) {
        if (kept == null) {
            return;
        }
        Map<Element, List<ChosenBreaks.Plan.Added>> breaks = SettledParts.byPart(plan.added(), this::part);
        if (breaks == null) {
            sharedText = true;
            return;
        }
        for (Map.Entry<Element, List<Node>> part : blocksByPart(document).entrySet()) {
            SettledParts.Key key = keys.get(part.getKey());
            if (key == null || frozen.contains(part.getKey())) {
                continue;
            }
            kept.put(key, SettledParts.Settled.of(part.getValue(), breaks.getOrDefault(part.getKey(), List.of()),
                    unsettled.contains(part.getKey())));
        }
    }

    /**
     * The parts (their first elements) whose floats or lines were still moving when the passes
     * ran out, in document order: what was moved in the last pass stands, unchecked. Empty when
     * the placement settled.
     */
    List<Element> unsettled() {
        return java.util.Collections.unmodifiableList(unsettled);
    }

    /** A warning's words for {@link #unsettled()}: the parts by their ids where they have one. */
    static String unsettledWarning(List<Element> parts) {
        List<String> names = new ArrayList<>();
        for (Element part : parts) {
            names.add(part.getAttribute("id").isEmpty() ? "<" + part.getTagName() + ">" : part.getAttribute("id"));
        }
        return "The placement of figures, tables and boxes stopped after " + MAX_PASSES + " layout passes with some "
                + "still moving (in " + String.join(", ", names) + "): one of them may stand a page from its text or "
                + "leave a gap; moving it in the text, or shortening what is around it, lets the placement settle.";
    }

    /**
     * Groups the body's children into parts, a new one at each child whose style forces a page
     * break before it. A child with no block box (a running header) belongs to no part and stays
     * in every pass.
     */
    private void findParts(Document document, PdfBoxRenderer renderer) {
        Map<Element, Box> boxes = new java.util.LinkedHashMap<>();
        collect(renderer.getRootBox(), boxes, 0);
        Element part = null;
        for (Node n = body(document).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && boxes.get(child) != null) {
                if (part == null || boxes.get(child).getStyle().isForcePageBreakBefore()) {
                    part = child;
                }
                partOf.put(child, part);
            }
        }
    }

    /** Takes every part but {@code parts} out of the body; answers the body's children as they were. */
    private List<Node> keepOnly(Document document, Set<Element> parts) {
        Element body = body(document);
        List<Node> children = new ArrayList<>();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n);
        }
        for (Node n : children) {
            Element part = n instanceof Element e ? partOf.get(e) : null;
            if (part != null && !parts.contains(part)) {
                body.removeChild(n);
            }
        }
        return children;
    }

    private static void restore(Document document, List<Node> children) {
        Element body = body(document);
        while (body.getFirstChild() != null) {
            body.removeChild(body.getFirstChild());
        }
        children.forEach(body::appendChild);
    }

    private static Element body(Document document) {
        Node body = document.getElementsByTagName("body").item(0);
        return body instanceof Element e ? e : document.getDocumentElement();
    }

    /** The part an element is in, walking up to the body's child. */
    private Element part(Element element) {
        for (Node n = element; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && partOf.containsKey(e)) {
                return partOf.get(e);
            }
        }
        return null;
    }

    /**
     * Looks at a laid-out document and moves what left holes.
     *
     * @return the parts whose DOM changed: they must be laid out again
     */
    Set<Element> improve(PdfBoxRenderer renderer) {
        Set<Element> changed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        BlockBox root = renderer.getRootBox();
        List<PageBox> pages = root.getLayer().getPages();
        if (pages.isEmpty()) {
            return changed;
        }
        // Document order (a DOM node's equals is identity), so holes are found from the first page on.
        Map<Element, Box> boxes = new java.util.LinkedHashMap<>();
        collect(root, boxes, 0);
        int pageHeight = pages.get(0).getBottom() - pages.get(0).getTop();
        for (Map.Entry<Element, Box> entry : new ArrayList<>(boxes.entrySet())) {
            Element element = entry.getKey();
            if (frozen.contains(part(element))) {
                continue;
            }
            if (isLongBox(element, entry.getValue(), pageHeight)) {
                element.setAttribute("class", element.getAttribute("class") + " box--long");
                changed.add(part(element));
            }
        }
        // A part with a box newly made long is laid out again first: the box changes its every page after it.
        Set<Element> settled = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        settled.addAll(changed);
        for (Map.Entry<Element, Box> entry : new ArrayList<>(boxes.entrySet())) {
            Element element = entry.getKey();
            if (settled.contains(part(element)) || frozen.contains(part(element))) {
                continue;
            }
            if (hasClass(element, "box--long")) {
                if (labelContinuations(element, boxes, pages)) {
                    changed.add(part(element));
                }
                continue;
            }
            if (hasClass(element, "article__image") && !moved.contains(element)) {
                if (placeArticleImage(element, boxes, pages, pageHeight)) {
                    changed.add(part(element));
                }
                continue;
            }
            if (hasClass(element, "table-figure") && isFloat(element) && !moved.contains(element)
                    && TableContinuations.settle(element, boxes, pages, pageHeight, moved)) {
                changed.add(part(element));
                continue;
            }
            if (!isFloat(element) || moved.contains(element)) {
                continue;
            }
            Box box = entry.getValue();
            Element before = previousElement(element);
            Box previous = before == null ? null : boxes.get(before);
            if (previous == null) {
                continue;
            }
            int previousBottom = previous.getAbsY() + previous.getHeight();
            int floatPage = pageIndex(pages, box.getAbsY() + 1);
            int previousPage = pageIndex(pages, previousBottom - 1);
            if (floatPage < 0 || floatPage != previousPage + 1) {
                continue;
            }
            int hole = pages.get(previousPage).getBottomUsable() - previousBottom;
            if (hole < HOLE * pageHeight) {
                continue;
            }
            Element after = fillers(element, nextElement(element), boxes, hole);
            if (after != null) {
                element.getParentNode().insertBefore(element, after.getNextSibling());
                moved.add(element);
                changed.add(part(element));
            }
        }
        changed.remove(null);
        return changed;
    }

    /**
     * Makes each page a long box goes on to start with its repeated label: the label goes before
     * the box's first block on that page, and where the page starts inside a list, the list is
     * split there (a numbered one goes on counting) and the label goes between the two. Labels
     * and splits that a later pass finds away from a page top (the text above them moved) are
     * undone first. The label is a paragraph of the box's body, so it is read in order and laid
     * out like the box's own label.
     *
     * @return true when the DOM changed
     */
    private static boolean labelContinuations(Element box, Map<Element, Box> boxes, List<PageBox> pages) {
        String text = box.getAttribute("data-continued");
        Element body = null;
        for (Element child = firstElement(box); child != null; child = nextElement(child)) {
            if (hasClass(child, "box__body")) {
                body = child;
            }
        }
        if (text.isEmpty() || body == null) {
            return false;
        }
        // Where the pages start: the first block, or list item, of the box on each later page.
        List<Element> wanted = new ArrayList<>();
        int page = -1;
        for (Element block : blocks(body)) {
            Box laid = boxes.get(block);
            if (laid == null) {
                continue;
            }
            int top = firstLinePage(pages, laid);
            if (page >= 0 && top > page) {
                wanted.add(isFirstItem(block) ? (Element) block.getParentNode() : block);
            }
            page = Math.max(page, top);
        }
        // Where the labels are, and whether each still opens its page.
        List<Element> labelled = new ArrayList<>();
        boolean stale = false;
        for (Element child = firstElement(body); child != null; child = nextElement(child)) {
            if (hasClass(child, CONTINUED)) {
                Element next = nextElement(child);
                Element opened = next != null && hasClass(next, CONTINUED_LIST) ? firstElement(next) : next;
                Box labelBox = boxes.get(child);
                Box openedBox = opened == null ? null : boxes.get(opened);
                stale |= labelBox == null || openedBox == null
                        || firstLinePage(pages, labelBox) != firstLinePage(pages, openedBox);
                labelled.add(opened);
            }
        }
        if (!stale && wanted.equals(labelled)) {
            return false;
        }
        undoContinuations(body);
        for (Element start : wanted) {
            Element before = start;
            if (start.getTagName().equals("li")) {
                before = splitListAt(start);
            }
            Element label = start.getOwnerDocument().createElementNS(start.getNamespaceURI(), "p");
            label.setAttribute("class", "box__label " + CONTINUED);
            label.setTextContent(text);
            before.getParentNode().insertBefore(label, before);
        }
        return true;
    }

    /** The body's blocks in reading order, a list as its items; the labels set here left out. */
    private static List<Element> blocks(Element body) {
        List<Element> blocks = new ArrayList<>();
        for (Element child = firstElement(body); child != null; child = nextElement(child)) {
            if (hasClass(child, CONTINUED)) {
                continue;
            }
            if (isList(child)) {
                for (Element item = firstElement(child); item != null; item = nextElement(item)) {
                    blocks.add(item);
                }
            } else {
                blocks.add(child);
            }
        }
        return blocks;
    }

    private static boolean isList(Element element) {
        return element.getTagName().equals("ul") || element.getTagName().equals("ol");
    }

    /** The first item of a list that is not the second part of a list split here. */
    private static boolean isFirstItem(Element block) {
        return block.getTagName().equals("li") && previousElement(block) == null
                && block.getParentNode() instanceof Element list && !hasClass(list, CONTINUED_LIST);
    }

    /** Takes the labels out and joins split lists back together. */
    private static void undoContinuations(Element body) {
        for (Element child = firstElement(body); child != null; ) {
            Element next = nextElement(child);
            if (hasClass(child, CONTINUED)) {
                body.removeChild(child);
            } else if (hasClass(child, CONTINUED_LIST)) {
                Element first = previousElement(child);
                while (child.getFirstChild() != null) {
                    first.appendChild(child.getFirstChild());
                }
                body.removeChild(child);
                setClass(first, SPLIT_LIST, false);
            }
            child = next;
        }
    }

    /** Moves {@code item} and the items after it into a list of their own after its list; answers that list. */
    private static Element splitListAt(Element item) {
        Element list = (Element) item.getParentNode();
        Element rest = (Element) list.cloneNode(false);
        setClass(list, SPLIT_LIST, true);
        setClass(rest, SPLIT_LIST, false);
        setClass(rest, CONTINUED_LIST, true);
        if (list.getTagName().equals("ol")) {
            int before = 0;
            for (Element e = previousElement(item); e != null; e = previousElement(e)) {
                before++;
            }
            int start = 1;
            try {
                start = list.hasAttribute("start") ? Integer.parseInt(list.getAttribute("start").strip()) : 1;
            } catch (NumberFormatException e) {
                // a start the renderer would not read either: count from 1
            }
            rest.setAttribute("start", Integer.toString(start + before));
        }
        rest.removeAttribute("id");
        for (Node n = item; n != null; ) {
            Node next = n.getNextSibling();
            rest.appendChild(n);
            n = next;
        }
        list.getParentNode().insertBefore(rest, list.getNextSibling());
        return rest;
    }

    /**
     * The page of a block's first line: a block's box begins with its top margin, which a page
     * break can leave at the foot of the page before.
     */
    static int firstLinePage(List<PageBox> pages, Box box) {
        return pageIndex(pages, com.openhtmltopdf.render.displaylist.PagedBoxCollector.findContentStartY(box) + 1);
    }

    /**
     * The last of the blocks after {@code floating} that together fill {@code hole}: paragraphs,
     * lists and headings of the same parent, and floats of another kind (a table may pass a
     * figure: each kind keeps its own numbering order) when they fit or, being tables, can
     * split. Never a heading last: a heading stays with the text under it. Null when nothing can
     * fill.
     */
    static Element fillers(Element floating, Element first, Map<Element, Box> boxes, int hole) {
        int filled = 0;
        Element last = null;
        for (Element next = first; next != null; next = nextElement(next)) {
            Box box = boxes.get(next);
            if (box == null) {
                break;
            }
            Element following = nextElement(next);
            Box after = following == null ? null : boxes.get(following);
            int height = Math.max(0, after != null ? after.getAbsY() - box.getAbsY() : box.getHeight());
            if (isFloat(next)) {
                boolean sameKind = kind(next).equals(kind(floating));
                boolean fits = filled + height <= hole || kind(next).equals("table-figure");
                if (sameKind || !fits) {
                    break;
                }
            } else if (!isText(next)) {
                break;
            }
            filled += height;
            last = next;
            if (filled >= hole && !isHeading(next)) {
                break;
            }
        }
        while (last != null && isHeading(last)) {
            Element before = previousElement(last);
            last = before == floating || before == null ? null : before;
        }
        return last;
    }

    private static String kind(Element element) {
        for (String kind : List.of("figure", "table-figure", "box")) {
            if (hasClass(element, kind)) {
                return kind;
            }
        }
        return "";
    }

    /**
     * The picture under an article's title: when title and picture together went to the next
     * page and left the previous article's last page short, the title stays behind with the
     * first paragraphs and the picture comes after them, at the top of the next page.
     */
    private boolean placeArticleImage(Element image, Map<Element, Box> boxes, List<PageBox> pages, int pageHeight) {
        Element head = previousElement(image);
        Element article = image.getParentNode() instanceof Element a ? a : null;
        Element body = nextElement(image);
        Element before = article == null ? null : previousElement(article);
        if (head == null || body == null || before == null || !hasClass(body, "article__body")
                || !hasClass(before, "article")) {
            return false; // the first article of a section starts on a fresh page anyway
        }
        Box headBox = boxes.get(head);
        Box beforeBox = boxes.get(before);
        Box imageBox = boxes.get(image);
        if (headBox == null || beforeBox == null || imageBox == null) {
            return false;
        }
        int beforeBottom = beforeBox.getAbsY() + beforeBox.getHeight();
        int beforePage = pageIndex(pages, beforeBottom - 1);
        int headPage = pageIndex(pages, headBox.getAbsY() + 1);
        if (beforePage < 0 || headPage != beforePage + 1) {
            return false;
        }
        int hole = pages.get(beforePage).getBottomUsable() - beforeBottom;
        // The title must fit with room for a few lines under it, or it would be left alone.
        int room = hole - (imageBox.getAbsY() - headBox.getAbsY()) - pageHeight / ROOM_UNDER_TITLE;
        if (hole < HOLE * pageHeight || room <= 0) {
            return false;
        }
        Element first = firstElement(body);
        Element after = first == null ? null : fillers(image, first, boxes, room);
        if (after == null) {
            return false;
        }
        body.insertBefore(image, after.getNextSibling());
        moved.add(image);
        return true;
    }

    static Element firstElement(Element parent) {
        Node n = parent.getFirstChild();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    private static boolean isLongBox(Element element, Box box, int pageHeight) {
        return hasClass(element, "box") && !hasClass(element, "box--long") && box.getHeight() > pageHeight * LONG_BOX;
    }

    /** Figures, tables with their caption, and boxes inside an article's body. */
    static boolean isFloat(Element element) {
        if (!(element.getParentNode() instanceof Element parent) || !hasClass(parent, "article__body")) {
            return false;
        }
        return hasClass(element, "figure") || hasClass(element, "table-figure") || hasClass(element, "box");
    }

    private static boolean isText(Element element) {
        return switch (element.getTagName()) {
            case "p", "ul", "ol", "h3", "h4", "h5", "h6", "blockquote", "pre" -> true;
            default -> false;
        };
    }

    private static boolean isHeading(Element element) {
        return element.getTagName().matches("h[1-6]");
    }

    private static int pageIndex(List<PageBox> pages, int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y >= pages.get(i).getTop() && y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return -1;
    }

    /** The first box of every element, block boxes only (inline content has no floats). */
    private static void collect(Box box, Map<Element, Box> boxes, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Element element = box.getElement();
        if (element != null && box instanceof BlockBox && !boxes.containsKey(element)) {
            boxes.put(element, box);
        }
        for (Box child : box.getChildren()) {
            if (child instanceof BlockBox) {
                collect(child, boxes, depth + 1);
            }
        }
    }

    private static void setClass(Element element, String name, boolean on) {
        List<String> classes = new ArrayList<>(List.of(element.getAttribute("class").split("\\s+")));
        classes.removeIf(c -> c.isEmpty() || c.equals(name));
        if (on) {
            classes.add(name);
        }
        if (classes.isEmpty()) {
            element.removeAttribute("class");
        } else {
            element.setAttribute("class", String.join(" ", classes));
        }
    }

    static boolean hasClass(Element element, String name) {
        for (String c : element.getAttribute("class").split("\\s+")) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }

    static Element previousElement(Node node) {
        Node n = node.getPreviousSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }

    static Element nextElement(Node node) {
        Node n = node.getNextSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }
}
