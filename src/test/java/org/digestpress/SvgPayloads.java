package org.digestpress;

import java.util.List;

/**
 * SVG images that run a script when a browser opens them as documents, as anyone following an
 * image's address on the published web edition does. Each script, when it runs, sets
 * {@code window.probe = 'ran'}; the browser test reads that back. The offending markup is always on
 * line 2, so a diagnostic must say {@code :2:}.
 */
public final class SvgPayloads {

    /** One hostile SVG: what it is, its text, and the start of the sentence that refuses it. */
    public record Payload(String name, String svg, String refusal, boolean needsClick, String charset) {
        Payload(String name, String svg, String refusal, boolean needsClick) {
            this(name, svg, refusal, needsClick, "UTF-8");
        }

        /** The file's bytes, in the encoding its declaration names. */
        public byte[] bytes() {
            return svg.getBytes(java.nio.charset.Charset.forName(charset));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final String PROBE = "window.probe='ran'";
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\"";
    private static final String XLINK = " xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
    private static final String BOX = "<rect width=\"200\" height=\"200\" fill=\"#1f4e79\"/>";

    /** The four of the issue, first. */
    public static final List<Payload> ISSUE = List.of(
            new Payload("<script>", SVG + ">\n<script>" + PROBE + "</script>" + BOX + "</svg>\n",
                    "This SVG image contains a <script>", false),
            new Payload("onload=", SVG + "\n onload=\"" + PROBE + "\">" + BOX + "</svg>\n",
                    "This SVG image has the event handler onload=", false),
            new Payload("a javascript: link", SVG + ">\n<a href=\"javascript:void(" + PROBE + ")\">" + BOX + "</a></svg>\n",
                    "This SVG image has a script address in href=", true),
            new Payload("foreignObject with <img onerror>", SVG + ">\n<foreignObject width=\"200\" height=\"200\">"
                    + "<img xmlns=\"http://www.w3.org/1999/xhtml\" src=\"missing.png\" onerror=\"" + PROBE + "\"/>"
                    + "</foreignObject></svg>\n", "This SVG image contains <foreignObject>", false));

    /** Spellings that slip past a check comparing names and values literally. */
    public static final List<Payload> VARIANTS = List.of(
            new Payload("OnLoad= in mixed case", SVG + "\n OnLoad=\"" + PROBE + "\">" + BOX + "</svg>\n",
                    "This SVG image has the event handler OnLoad=", false),
            new Payload("JaVaScRiPt: in xlink:href", SVG + XLINK + ">\n<a xlink:href=\" JaVaScRiPt:void(" + PROBE
                    + ")\">" + BOX + "</a></svg>\n", "This SVG image has a script address in xlink:href=", true),
            new Payload("java&#x09;script: with an encoded tab", SVG + ">\n<a href=\"java&#x09;script:void(" + PROBE
                    + ")\">" + BOX + "</a></svg>\n", "This SVG image has a script address in href=", true),
            new Payload("a script element with a prefix", SVG + " xmlns:s=\"http://www.w3.org/2000/svg\">\n<s:script>"
                    + PROBE + "</s:script>" + BOX + "</svg>\n", "This SVG image contains a <script>", false),
            new Payload("an HTML script outside foreignObject", SVG + ">\n<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">"
                    + PROBE + "</h:script>" + BOX + "</svg>\n", "This SVG image contains the element <h:script>", false),
            new Payload("an HTML iframe with srcdoc", SVG + ">\n<iframe xmlns=\"http://www.w3.org/1999/xhtml\" srcdoc=\"x\"/>"
                    + BOX + "</svg>\n", "This SVG image contains the element <iframe>", false),
            new Payload("<set> turning a link into javascript:", SVG + ">\n<a href=\"#x\"><set attributeName=\"href\" "
                    + "to=\"javascript:void(" + PROBE + ")\"/>" + BOX + "</a></svg>\n",
                    "This SVG image animates the attribute 'href'", true),
            new Payload("<animate> values with javascript:", SVG + XLINK + ">\n<a><animate attributeName=\"xlink:href\" "
                    + "values=\"#a;javascript:void(" + PROBE + ")\" dur=\"1s\" fill=\"freeze\"/>" + BOX + "</a></svg>\n",
                    "This SVG image animates the attribute 'xlink:href'", true),
            new Payload("a data:text/html link", SVG + ">\n<a href=\"data:text/html,&lt;script&gt;" + PROBE
                    + "&lt;/script&gt;\">" + BOX + "</a></svg>\n", "This SVG image links to 'data:text/html", true),
            new Payload("an entity declared to hold a script", "<!DOCTYPE svg [<!ENTITY s \"<script>" + PROBE
                    + "</script>\">]>\n" + SVG + ">&s;" + BOX + "</svg>\n", "This SVG image contains a <script>", false),
            new Payload("<?xml-stylesheet?>", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>"
                    + SVG + ">" + BOX + "</svg>\n", "This SVG image has an <?xml-stylesheet?>", false),
            new Payload("url(javascript:) in a style", SVG + ">\n<style>rect { fill: url(javascript:" + PROBE
                    + ") }</style>" + BOX + "</svg>\n", "This SVG image refers to 'javascript:", false),
            new Payload("a CSS escape hiding url(", SVG + ">\n<style>rect { fill: \\75 rl(http://example.org/p) }</style>"
                    + BOX + "</svg>\n", "This SVG image's style has a backslash escape", false),
            new Payload("an encoding a browser does not know", "<?xml version=\"1.0\" encoding=\"IBM037\"?>\n"
                    + SVG + ">" + BOX + "</svg>\n", "This SVG image is encoded in IBM037", false, "IBM037"),
            new Payload("an HTML page named .svg", "<!-- a web page -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body onload=\"" + PROBE
                    + "\"><script>" + PROBE + "</script></body></html>\n", "This file is not an SVG image", false));

    private SvgPayloads() {
    }
}
