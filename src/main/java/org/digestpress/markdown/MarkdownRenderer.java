package org.digestpress.markdown;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.content.XmlCharacters;
import org.digestpress.problem.Problems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Markdown to a well-formed XHTML fragment: CommonMark, GFM tables, footnotes (as page-foot
 * footnotes), boxes, numbered figures and tables, {@code @fig:}/{@code @tbl:} references, images
 * checked to lie inside the publication, and sanitised raw HTML.
 */
public final class MarkdownRenderer {

    private final References references;
    private final java.util.function.Function<String, Labels> labelsByLanguage;
    private final ChartBlockHandler charts;
    private final Parser parser;
    private final MutableDataSet options;

    /** Every text gets the same labels, whatever its language. */
    public MarkdownRenderer(References references, Labels labels, ChartBlockHandler charts) {
        this(references, language -> labels, charts);
    }

    /**
     * @param labelsByLanguage the labels («Рис.», «Прямая речь», «Источник») for a text's
     *                         language: an article in English inside a Russian issue is labelled
     *                         in English
     */
    public MarkdownRenderer(References references, java.util.function.Function<String, Labels> labelsByLanguage,
                            ChartBlockHandler charts) {
        this.references = references;
        this.labelsByLanguage = labelsByLanguage;
        this.charts = charts;
        this.options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, " ");
        // flexmark's own filter drops "javascript:" silently (and misses "JaVaScRiPt:"); every link
        // reaches FragmentTransformer instead, which refuses unsafe schemes with the line.
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
        options.set(TablesExtension.CLASS_NAME, "table");
        // flexmark's thematic break pattern recurses per marker (a line of 2000 dashes overflowed the stack)
        options.set(Parser.THEMATIC_BREAK_PARSER, false);
        this.parser = Parser.builder(options).customBlockParserFactory(new ThematicBreaks()).build();
    }

    private MarkdownRenderer(MarkdownRenderer base, java.util.function.Function<String, Labels> labelsByLanguage,
                             ChartBlockHandler charts) {
        this.references = base.references;
        this.labelsByLanguage = labelsByLanguage;
        this.charts = charts;
        this.options = base.options;
        this.parser = base.parser;
    }

    /**
     * A renderer with this one's parser and references and the given labels and charts: a resident
     * engine makes one per text, so each text's charts stay with it, without building a parser each.
     */
    public MarkdownRenderer with(java.util.function.Function<String, Labels> labelsByLanguage,
                                 ChartBlockHandler charts) {
        return new MarkdownRenderer(this, labelsByLanguage, charts);
    }

    /**
     * @param markdown  the text
     * @param file      the file it comes from, for messages and relative image paths
     * @param firstLine the file line of the text's first line
     * @param idPrefix  prefix that makes ids unique in the whole issue (the article key)
     * @param language  the text's language (charts format numbers by it)
     * @return a fragment of XHTML, never null; problems are added for what went wrong
     */
    public String render(String markdown, Path file, int firstLine, String idPrefix, String language,
                         Problems problems) {
        // characters XML cannot hold are reported here, where the line is known, and never passed on
        markdown = XmlCharacters.checkReferences(XmlCharacters.checkRaw(markdown, file, firstLine, problems),
                file, firstLine, problems);
        UnmatchedFootnotes.report(markdown, file, firstLine, problems);
        int crowded = Nesting.lineWithTooManyMarkers(markdown.split("\n", -1));
        if (crowded >= 0) {
            // the build stops at this error: nothing of a text that may be megabytes long is typeset
            problems.error(file, firstLine + crowded, 0, Nesting.TOO_MANY_BLOCK_LEVELS);
            return "";
        }
        BlockPreprocessor.Result pre = new BlockPreprocessor(file, firstLine, idPrefix, language, charts, problems)
                .process(markdown);
        Labels labels = labelsByLanguage.apply(language);
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        Node document = parser.parse(pre.text());
        Nesting.TooDeep tooDeep = Nesting.tooDeep(document);
        if (tooDeep != null) {
            int index = Math.max(0, Math.min(tooDeep.textLine(), pre.sourceLine().length - 1));
            problems.error(file, pre.sourceLine().length == 0 ? firstLine : pre.sourceLine()[index], 0,
                    tooDeep.sentence());
            return "";
        }
        SourceLines sourceLines = new SourceLines(idPrefix, pre.text(), pre.sourceLine());
        HtmlRenderer renderer = HtmlRenderer.builder(options)
                .nodeRendererFactory(o -> rawHtmlRenderer(sanitizer, file, pre.sourceLine(), problems, sourceLines))
                .attributeProviderFactory(sourceLines)
                .build();
        String html = renderer.render(document);
        html = replaceTokens(html, pre, labels, idPrefix);

        Document dom = parse(html, file, sanitizer.unbalanced(), firstRawHtmlLine(document, pre.sourceLine(), firstLine),
                problems);
        if (dom == null) {
            return unrendered(markdown);
        }
        sourceLines.markNotes(document, dom);
        LongParagraphs.report(dom.getDocumentElement(), markdown, file, firstLine, problems);
        LiteralImages.report(dom.getDocumentElement(), markdown, file, firstLine, problems);
        new FragmentTransformer(dom, file, firstLine, markdown, idPrefix, labels, references,
                LinkLines.of(document, pre.sourceLine()), problems).transform();
        return serialize(dom.getDocumentElement());
    }

    private static NodeRenderer rawHtmlRenderer(HtmlSanitizer sanitizer, Path file, int[] sourceLine,
                                                Problems problems, SourceLines sourceLines) {
        return () -> Set.of(
                new NodeRenderingHandler<>(HtmlBlock.class, (node, context, html) -> {
                    html.raw(sourceLines.markFirstTag(sanitize(sanitizer, node, file, sourceLine, problems), node));
                    html.line();
                }),
                new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) ->
                        html.raw(sanitize(sanitizer, node, file, sourceLine, problems))));
    }

    private static String sanitize(HtmlSanitizer sanitizer, Node node, Path file, int[] sourceLine, Problems problems) {
        String before = sanitizer.refused();
        int index = Math.min(node.getStartLineNumber(), sourceLine.length - 1);
        int line = index < 0 ? 0 : sourceLine[index];
        String out = sanitizer.sanitize(node.getChars().toString(), line);
        if (before == null && sanitizer.refused() != null) {
            problems.warning(file, line, 0, sanitizer.refused());
        }
        return out;
    }

    private String replaceTokens(String html, BlockPreprocessor.Result pre, Labels labels, String text) {
        for (Map.Entry<String, BlockPreprocessor.Box> entry : pre.boxOpenings().entrySet()) {
            BlockPreprocessor.Box box = entry.getValue();
            html = html.replace("<p>" + entry.getKey() + "</p>", boxOpening(box, labels, SourceLines.attribute(text, box.line())));
            html = html.replace("<p>" + BlockPreprocessor.TOKEN_PREFIX + "CLOSE" + entry.getKey() + "</p>", boxClosing(box));
        }
        for (Map.Entry<String, ChartBlockHandler.ChartFigure> entry : pre.charts().entrySet()) {
            Integer line = pre.chartLines().get(entry.getKey());
            html = html.replace("<p>" + entry.getKey() + "</p>", chartFigure(entry.getValue(),
                    line == null ? "" : SourceLines.attribute(text, line)));
        }
        return html;
    }

    /** @param source the box's source mark, an attribute with its leading space */
    private static String boxOpening(BlockPreprocessor.Box box, Labels labels, String source) {
        Map<String, String> a = box.attributes();
        String label = switch (box.kind()) {
            case "quote" -> labels.get("quote");
            case "comment" -> labels.get("comment");
            default -> a.getOrDefault("title", labels.get("note"));
        };
        // The label a long box repeats on the page it goes on to (the pdf stage sets it there).
        StringBuilder out = new StringBuilder("<div class=\"box box--").append(box.kind()).append('"').append(source)
                .append(" data-continued=\"").append(esc(labels.format("box_continued", label))).append("\">");
        out.append("<p class=\"box__label\">").append(esc(label)).append("</p>");
        if (box.kind().equals("comment")) {
            out.append(person(a.get("name"), a.get("role")));
        }
        return out.append("<div class=\"box__body\">").toString();
    }

    private String boxClosing(BlockPreprocessor.Box box) {
        String who = box.kind().equals("quote") ? person(box.attributes().get("speaker"), box.attributes().get("role")) : "";
        return "</div>" + who + "</div>";
    }

    private static String person(String name, String role) {
        if (name == null && role == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("<p class=\"box__person\">");
        if (name != null) {
            out.append("<span class=\"box__name\">").append(esc(name)).append("</span>");
        }
        if (role != null) {
            out.append("<span class=\"box__role\">").append(esc(role)).append("</span>");
        }
        return out.append("</p>").toString();
    }

    private static String chartFigure(ChartBlockHandler.ChartFigure figure, String source) {
        StringBuilder out = new StringBuilder("<div class=\"figure figure--chart\"").append(source);
        if (figure.id() != null) {
            out.append(" data-ref=\"").append(esc(figure.id())).append('"');
        }
        out.append("><p class=\"figure__title\">").append(esc(figure.title())).append("</p>");
        out.append("<div class=\"figure__body\">").append(figure.objectXhtml()).append("</div>");
        if (figure.caption() != null && !figure.caption().isBlank()) {
            out.append("<p class=\"figure__caption\">").append(esc(figure.caption())).append("</p>");
        }
        if (figure.source() != null && !figure.source().isBlank()) {
            out.append("<p class=\"figure__source\" data-source=\"true\">").append(esc(figure.source())).append("</p>");
        }
        return out.append("</div>").toString();
    }

    /** The text as one escaped paragraph: what an article shows when its Markdown cannot be converted. */
    private static String unrendered(String markdown) {
        return "<p>" + HtmlSanitizer.text(markdown) + "</p>";
    }

    static String esc(String s) {
        return HtmlSanitizer.text(s == null ? "" : s);
    }

    /** Where markup that fails to parse most likely comes from: the first raw HTML of the text. */
    private static int firstRawHtmlLine(Node document, int[] sourceLine, int firstLine) {
        for (Node node : document.getDescendants()) {
            if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                int index = Math.min(node.getStartLineNumber(), sourceLine.length - 1);
                return index < 0 ? firstLine : sourceLine[index];
            }
        }
        return firstLine;
    }

    /**
     * One configured parser and serialiser per thread: the factory look-ups cost more than a
     * typical article's conversion, and neither object is thread-safe (articles run in parallel).
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(MarkdownRenderer::newParser);
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(MarkdownRenderer::newSerializer);

    private static DocumentBuilder newParser() {
        return org.digestpress.xml.SecureXml.dom(false, false, true);
    }

    private static Transformer newSerializer() {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            return transformer;
        } catch (Exception e) {
            throw new IllegalStateException("the JDK has an identity transformer", e);
        }
    }

    /** @param line where to report markup that fails to parse when the sanitiser saw nothing unbalanced */
    private static Document parse(String html, Path file, HtmlSanitizer.Unbalanced unbalanced, int line,
                                  Problems problems) {
        try {
            DocumentBuilder builder = PARSER.get();
            builder.reset();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader("<div class=\"md\">" + html + "</div>")));
        } catch (SAXParseException e) {
            if (unbalanced != null) {
                problems.error(file, unbalanced.line(), 0, unbalanced.sentence());
                return null;
            }
            problems.error(file, line, 0, "The raw HTML in this text is not well formed (" + e.getMessage()
                    + "); close every tag you open, e.g. <td>…</td>.");
            return null;
        } catch (Exception e) {
            problems.error(file, line, 0, "The text could not be converted: " + e.getMessage());
            return null;
        }
    }

    static String serialize(Element root) {
        try {
            Transformer transformer = SERIALIZER.get();
            StringBuilder out = new StringBuilder();
            for (org.w3c.dom.Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                StringWriter writer = new StringWriter();
                transformer.transform(new DOMSource(child), new StreamResult(writer));
                out.append(writer);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("serialising a parsed fragment cannot fail", e);
        }
    }

}
