package org.digestpress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Inflater;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.junit.jupiter.api.Test;

/** The web fonts: WOFF files that decode to a valid, renamed TrueType subset of the page's characters. */
class WebFontsTest {

    private static final Assets FONTS = Assets.directory(BuiltIssue.REPO.resolve("fonts"));
    private static final String TEXT = "Территориальные кластеры: «ёлочки» — 2025 г. Cluster Review №6";

    @Test
    void aSubsetIsRenamedSmallAndHasEveryCharacterOfThePage() throws Exception {
        byte[] woff = WebFonts.make("PTF55F.woff", "Digest Serif", TEXT, FONTS).orElseThrow();
        long original = Files.size(BuiltIssue.REPO.resolve("fonts/PTF55F.ttf"));
        assertTrue(woff.length < original / 8, woff.length + " bytes of " + original);
        assertEquals("wOFF", new String(woff, 0, 4, StandardCharsets.ISO_8859_1));
        Map<String, byte[]> tables = decode(woff);
        assertFalse(tables.containsKey("GPOS") || tables.containsKey("kern") || tables.containsKey("DSIG"),
                "no table that counts the original's glyphs: " + tables.keySet());
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(sfnt(tables)))) {
            assertEquals("Digest Serif", font.getNaming().getFontFamily());
            assertEquals("DigestSerif-Regular", font.getNaming().getPostScriptName());
            assertFalse(font.getNaming().getFontFamily().contains("PT"), "the ParaType licence: a modified font is renamed");
            assertTrue(font.getNaming().getName(0, 3, 1, 0x409).contains("ParaType"), "the copyright notice stays");
            var cmap = font.getUnicodeCmapLookup();
            TEXT.codePoints().filter(c -> c != ' ').forEach(c ->
                    assertNotEquals(0, cmap.getGlyphId(c), "glyph for " + Character.toString(c)));
            assertEquals(0, cmap.getGlyphId('Ж'), "a letter the page does not use is left out");
            assertTrue(font.getNumberOfGlyphs() < 200, "glyphs: " + font.getNumberOfGlyphs());
        }
    }

    @Test
    void theLicenceGoesWithTheFontsAndATtfIsCopiedAsItIs() throws IOException {
        Map<String, String> faces = WebFonts.named("@font-face { font-family: \"Digest Sans\"; src: url(\"fonts/PTS55F.woff\") "
                + "format(\"woff\"); }\n@font-face { font-family: \"X\"; src: url(fonts/DejaVuSans.ttf); }");
        assertEquals(Map.of("PTS55F.woff", "Digest Sans", "DejaVuSans.ttf", "X"), faces);
        assertEquals("[DejaVu-LICENSE.txt, PT-LICENSE.txt]", WebFonts.licences(faces).toString());
        byte[] ttf = WebFonts.make("DejaVuSans.ttf", "X", TEXT, FONTS).orElseThrow();
        assertEquals(Files.size(BuiltIssue.REPO.resolve("fonts/DejaVuSans.ttf")), ttf.length);
        assertTrue(WebFonts.make("Missing.woff", "X", TEXT, FONTS).isEmpty());
    }

    /** The tables of a WOFF file, each inflated where it was compressed, checked against its checksum. */
    static Map<String, byte[]> decode(byte[] woff) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(woff);
        assertEquals(woff.length, in.getInt(8), "the header gives the file's length");
        int n = in.getShort(12);
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int entry = 44 + 20 * i;
            String tag = new String(woff, entry, 4, StandardCharsets.ISO_8859_1);
            int offset = in.getInt(entry + 4);
            int compressed = in.getInt(entry + 8);
            int length = in.getInt(entry + 12);
            byte[] table = new byte[length];
            if (compressed < length) {
                Inflater inflater = new Inflater();
                inflater.setInput(woff, offset, compressed);
                assertEquals(length, inflater.inflate(table));
                inflater.end();
            } else {
                System.arraycopy(woff, offset, table, 0, length);
            }
            assertEquals(in.getInt(entry + 16), (int) Woff.checksum(table), tag);
            tables.put(tag, table);
        }
        return tables;
    }

    /** The tables as a TrueType file again, for fontbox to read. */
    static byte[] sfnt(Map<String, byte[]> tables) {
        int n = tables.size();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer dir = ByteBuffer.allocate(12 + 16 * n);
        dir.putInt(0x00010000).putShort((short) n).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        int offset = 12 + 16 * n;
        for (Map.Entry<String, byte[]> t : tables.entrySet()) {
            dir.put(t.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt((int) Woff.checksum(t.getValue()))
                    .putInt(offset + data.size()).putInt(t.getValue().length);
            data.writeBytes(t.getValue());
            data.writeBytes(new byte[(4 - t.getValue().length % 4) % 4]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(dir.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
