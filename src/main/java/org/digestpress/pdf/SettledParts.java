package org.digestpress.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What the float placement settled in each part of a document (see {@link FloatPlacement}), kept
 * by the part's content: its blocks as they stood after the last pass (floats moved, labels of
 * continued boxes and tables added, lists split) and the line breaks the paragraph composer chose
 * in it. A part starts on a page of its own and is laid out independently of the others, so an
 * unchanged part of a later build (the same markup, styles and first page number) settles the
 * same way again: it is put in as it was settled and needs no pass of its own. Only the parts that
 * changed go through the placement's passes; an unchanged rebuild is one layout.
 *
 * <p>Byte identity with an uncached build is what this must keep ({@code SettledPartsTest}). It
 * holds while parts do not share composed text: the composer's plan is kept by text, so a
 * paragraph set in one part would offer its breaks to the same text in another. A build in which
 * two parts composed the same text keeps nothing and, if it used kept parts, is laid out again
 * without them.
 *
 * <p>At most {@link #LIMIT} parts and {@link #LIMIT_CHARS} characters of their markup, the least
 * recently used dropped first (a resident engine editing one section of a 300-page issue would
 * otherwise keep a copy of it per save); each is a copy of its blocks in a small document of its
 * own.
 */
final class SettledParts {
    static final int LIMIT = 128;
    static final long LIMIT_CHARS = 32L << 20;

    /** A part's key: a SHA-256 of what it depends on, and the size of its markup in characters. */
    record Key(String digest, long size) {
    }

    /** One settled part: its blocks, the composer's adds in it, and whether it was still moving. */
    record Settled(List<Node> blocks, List<ChosenBreaks.Plan.Added> breaks, boolean unsettled) {

        /** A part as it stands now: copies of its blocks, its adds without their elements. */
        static Settled of(List<Node> blocks, List<ChosenBreaks.Plan.Added> breaks, boolean unsettled) {
            return new Settled(copies(blocks), breaks.stream()
                    .map(a -> new ChosenBreaks.Plan.Added(null, a.text(), a.offsets(), a.again())).toList(), unsettled);
        }

        /**
         * Puts this part in place of {@code blocks} (the body's children of the part as parsed),
         * and its line breaks into {@code plan}; answers the blocks put in, its first element first.
         */
        List<Element> putIn(List<Node> blocks, ChosenBreaks.Plan plan) {
            Node at = blocks.get(0);
            Node body = at.getParentNode();
            Document document = at.getOwnerDocument();
            List<Element> fresh = new ArrayList<>();
            for (Node block : this.blocks) {
                Node copy = document.importNode(block, true);
                body.insertBefore(copy, at);
                if (copy instanceof Element e) {
                    fresh.add(e);
                }
            }
            for (Node old : blocks) {
                body.removeChild(old);
            }
            for (ChosenBreaks.Plan.Added added : breaks) {
                plan.add(fresh.get(0), added.text(), added.offsets(), added.again());
            }
            return fresh;
        }
    }

    /**
     * The composer's adds by the part ({@code partOf}) of their element, or null when the parts
     * are not independent: an add whose part is unknown, or a text that two parts composed and
     * that was not composed the same way every time. (A text two parts composed alike, a space
     * between two links say, leaves the plan as either part alone would; composed differently,
     * also in a later pass, the plan depends on the order of the parts.)
     */
    static Map<Element, List<ChosenBreaks.Plan.Added>> byPart(List<ChosenBreaks.Plan.Added> adds,
                                                              java.util.function.UnaryOperator<Element> partOf) {
        Map<String, int[]> firstOffsets = new java.util.HashMap<>();
        Map<String, Element> partOfText = new java.util.HashMap<>();
        java.util.Set<String> shared = new java.util.HashSet<>();
        java.util.Set<String> varied = new java.util.HashSet<>();
        Map<Element, List<ChosenBreaks.Plan.Added>> byPart = new java.util.IdentityHashMap<>();
        for (ChosenBreaks.Plan.Added added : adds) {
            Element part = added.element() == null ? null : partOf.apply(added.element());
            if (part == null) {
                return null;
            }
            int[] first = firstOffsets.putIfAbsent(added.text(), added.offsets());
            if (first != null && !java.util.Arrays.equals(first, added.offsets())) {
                varied.add(added.text());
            }
            Element other = partOfText.putIfAbsent(added.text(), part);
            if (other != null && other != part) {
                shared.add(added.text());
            }
            byPart.computeIfAbsent(part, p -> new ArrayList<>()).add(added);
        }
        shared.retainAll(varied);
        return shared.isEmpty() ? byPart : null;
    }

    private final Map<Key, Settled> parts = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;
    private int reused;

    Settled get(Key key) {
        Settled settled = parts.get(key);
        if (settled != null) {
            reused++;
        }
        return settled;
    }

    void put(Key key, Settled settled) {
        if (key.size() > LIMIT_CHARS) {
            return;
        }
        if (parts.put(key, settled) == null) {
            chars += key.size();
        }
        var oldest = parts.entrySet().iterator();
        while ((parts.size() > LIMIT || chars > LIMIT_CHARS) && oldest.hasNext()) {
            chars -= oldest.next().getKey().size();
            oldest.remove();
        }
    }

    /** How many parts were taken settled from an earlier build, for the tests. */
    int reused() {
        return reused;
    }

    int size() {
        return parts.size();
    }

    /** Copies of {@code blocks} in a document of their own, so the build's document is not kept alive. */
    static List<Node> copies(List<Node> blocks) {
        Document holder = newDocument();
        List<Node> copies = new ArrayList<>();
        for (Node block : blocks) {
            copies.add(holder.importNode(block, true));
        }
        return copies;
    }

    private static Document newDocument() {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM builder", e);
        }
    }

    /**
     * The key of a part: a SHA-256 of {@code context} (what every part's layout depends on: the
     * styles, the first page number) and of the part's blocks, element names, attributes and text.
     */
    static Key key(String context, List<Node> blocks) {
        StringBuilder text = new StringBuilder(context).append('\u0000');
        for (Node block : blocks) {
            write(block, text, 0);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return new Key(HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8))),
                    text.length() - context.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The styles of a document: the text of its {@code <style>} elements, in order. */
    static String styles(Document document) {
        StringBuilder styles = new StringBuilder();
        var found = document.getElementsByTagNameNS("*", "style");
        for (int i = 0; i < found.getLength(); i++) {
            styles.append(found.item(i).getTextContent()).append('\u0000');
        }
        return styles.toString();
    }

    private static void write(Node node, StringBuilder out, int depth) {
        if (depth > 1000) {
            throw new IllegalStateException("a part nested past 1000 levels");
        }
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                out.append('<').append(element.getNamespaceURI()).append(' ').append(element.getTagName());
                NamedNodeMap attributes = element.getAttributes();
                List<String> sorted = new ArrayList<>();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    sorted.add(a.getName() + '\u0001' + a.getValue());
                }
                java.util.Collections.sort(sorted);
                sorted.forEach(a -> out.append('\u0002').append(a));
                out.append('>');
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, out, depth + 1);
                }
                out.append("</>");
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append('\u0003').append(node.getNodeValue()).append('\u0004');
            default -> out.append('\u0005').append(node.getNodeType()).append(node.getNodeValue()).append('\u0004');
        }
    }
}
