package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
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
 *
 * <p>This class runs the passes and keeps settled parts between builds; {@link FloatMoves} decides
 * the moves, {@link BoxContinuations} labels long boxes, {@link DocumentParts} finds the parts.
 */
final class FloatPlacement {
    /** The style of the classes set here; it comes last in the head, so it wins over the template's. */
    static final String CSS = ".box.box--long { page-break-inside: auto; }\n"
            + BoxContinuations.CSS
            + TableContinuations.CSS;
    /**
     * Layouts at most, the first and the last (full) included. A moved float can strand the next
     * one, and a repeated label moves a long box's next page break by a line, so some sections
     * take a few rounds; six let the stress fixture's two long boxes and the sample settle.
     */
    static final int MAX_PASSES = 6;

    private final FloatMoves moves = new FloatMoves();
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
    /** The body's parts (see the class comment). */
    private final DocumentParts parts = new DocumentParts();

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
            parts.find(document, full.renderer());
            if (kept != null) {
                reuse(document);
            }
            changed = moves.improve(full.renderer(), parts, frozen);
            for (Element element : recompose.apply(full.renderer())) {
                changed.add(parts.of(element));
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
            List<Node> children = parts.keepOnly(document, changed);
            try (LaidOut part = layOut.get()) {
                changed = moves.improve(part.renderer(), parts, frozen);
                for (Element element : recompose.apply(part.renderer())) {
                    changed.add(parts.of(element));
                }
                changed.remove(null);
            } finally {
                DocumentParts.restore(document, children);
            }
        }
        for (Element part : new java.util.LinkedHashSet<>(parts.firsts())) {
            if (changed.contains(part) || frozenUnsettled.contains(part)) {
                unsettled.add(part);
            }
        }
        keep(document);
        return layOut.get();
    }

    /** Parts put in settled that were still moving when they were settled. */
    private final Set<Element> frozenUnsettled = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Puts every part an earlier build settled in as it was settled, with its composed lines, and
     * leaves the pass-1 boxes of those parts alone from now on.
     */
    private void reuse(Document document) {
        Set<Element> before = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<Element, List<Node>> part : parts.blocks(document).entrySet()) {
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
                parts.add(e, first);
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
        Map<Element, List<ChosenBreaks.Plan.Added>> breaks = SettledParts.byPart(plan.added(), parts::of);
        if (breaks == null) {
            sharedText = true;
            return;
        }
        for (Map.Entry<Element, List<Node>> part : parts.blocks(document).entrySet()) {
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
}
