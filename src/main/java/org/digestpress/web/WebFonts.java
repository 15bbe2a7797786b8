package org.digestpress.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.digestpress.assets.Assets;

/**
 * The web edition's fonts, cut down to the characters its page uses. The stylesheet names each
 * face as {@code url("fonts/NAME.woff")} under a {@code font-family} of its own; the face is made
 * from {@code NAME.ttf} of the font folder: only the glyphs of the page's characters, renamed to that
 * family (the ParaType licence lets a modified font be shared only under a new name), as WOFF.
 * The sample's eight faces went from 2.9 MB of TTF to about a tenth of it. What a subset loses: the
 * GSUB and GPOS tables (ligatures, kerning), which the PDF does not use either.
 * A face named {@code url("fonts/NAME.ttf")} is copied as it is.
 */
final class WebFonts {

    /** Subsets drawn from fonts under these licences must ship with the licence text, from the font folder. */
    static final Map<String, String> LICENCES = Map.of("PT", "PT-LICENSE.txt", "DejaVu", "DejaVu-LICENSE.txt");
    /**
     * The tables a browser needs. Others would be copied unchanged and then be wrong: GPOS, GSUB,
     * kern, hdmx and LTSH count glyphs by the original numbers, and DSIG signs the original file.
     */
    private static final List<String> KEPT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
            "hmtx", "fpgm", "gasp", "name", "OS/2", "post", "cmap");
    private static final Pattern FACE = Pattern.compile("@font-face\\s*\\{([^}]*)}");
    private static final Pattern FAMILY = Pattern.compile("font-family:\\s*\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("url\\(\"?fonts/([A-Za-z0-9_-][A-Za-z0-9._-]*)\"?\\)");
    /** Characters a browser may draw that the page does not spell out: hyphenation, quotes of generated content. */
    private static final String ALWAYS = "\u00ad\u2010\u2011\u2013\u2014\u2026\u00a0\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019";

    private WebFonts() {
    }

    /** The files the stylesheet names in {@code fonts/}, by name, with the family each belongs to. */
    static Map<String, String> named(String page) {
        Map<String, String> faces = new TreeMap<>();
        Matcher face = FACE.matcher(page);
        while (face.find()) {
            Matcher family = FAMILY.matcher(face.group(1));
            Matcher url = URL.matcher(face.group(1));
            while (url.find()) {
                faces.put(url.group(1), family.find(0) ? family.group(1) : "");
            }
        }
        return faces;
    }

    /** The licence texts that must travel with these fonts, by name in the font folder. */
    static TreeSet<String> licences(Map<String, String> faces) {
        TreeSet<String> out = new TreeSet<>();
        for (String name : faces.keySet()) {
            LICENCES.forEach((prefix, licence) -> {
                if (name.startsWith(prefix)) {
                    out.add(licence);
                }
            });
        }
        return out;
    }

    /**
     * The bytes of {@code fonts/name}: a renamed WOFF subset when the name ends in {@code .woff},
     * the font folder's file otherwise; empty when the source is missing.
     *
     * @param text every character the page shows
     */
    static Optional<byte[]> make(String name, String family, String text, Assets fonts) throws IOException {
        if (!name.endsWith(".woff")) {
            return fonts.read(name);
        }
        Optional<byte[]> ttf = fonts.read(name.substring(0, name.length() - ".woff".length()) + ".ttf");
        if (ttf.isEmpty()) {
            return Optional.empty();
        }
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf.get()))) {
            TTFSubsetter subset = new TTFSubsetter(font, KEPT_TABLES);
            TreeSet<Integer> characters = new TreeSet<>();
            text.codePoints().forEach(characters::add);
            ALWAYS.codePoints().forEach(characters::add);
            for (int c = 0x20; c < 0x7f; c++) {
                characters.add(c);
            }
            subset.addAll(characters);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subset.writeToStream(out);
            Map<String, byte[]> tables = Woff.tables(out.toByteArray());
            tables.put("name", Woff.nameTable(names(font.getNaming(), family)));
            return Optional.of(Woff.write(tables));
        }
    }

    /** The original's copyright, style, version and licence, under the new family name. */
    private static Map<Integer, String> names(NamingTable naming, String family) {
        Map<Integer, String> names = new TreeMap<>();
        String style = "Regular";
        if (naming != null) {
            style = Optional.ofNullable(naming.getFontSubFamily()).orElse(style);
            for (int id : new int[] {0, 5, 13, 14}) {
                String value = naming.getName(id, 3, 1, 0x409);
                if (value != null) {
                    names.put(id, value);
                }
            }
        }
        names.put(1, family);
        names.put(2, style);
        names.put(3, family + " " + style + "; a subset made by digestpress");
        names.put(4, family + " " + style);
        names.put(6, (family + "-" + style).replaceAll("[^A-Za-z0-9-]", ""));
        return names;
    }
}
