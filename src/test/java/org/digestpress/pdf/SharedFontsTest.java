package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.junit.jupiter.api.Test;

/**
 * The parsed faces are shared by every document of the process, also by builds running at the
 * same time ({@code archive --jobs}). That relies on fontbox reading every table a PDF font reads
 * when it parses the face (fontbox 3.0.7 does), so that no thread is the first to read a table
 * while another reads it too: this fails should an update of fontbox read them lazily.
 */
class SharedFontsTest {

    @Test
    void everyTableAPdfFontReadsIsReadWhenTheFaceIsParsed() throws Exception {
        FontSet fonts = FontSet.load(Assets.directory(BuiltIssue.REPO.resolve("fonts")));
        assertEquals(9, fonts.parsedFaces().size(), "every face, parsed");
        for (TrueTypeFont face : fonts.parsedFaces()) {
            for (String tag : FontSet.TABLES) {
                TTFTable table = face.getTableMap().get(tag);
                if (table == null) {
                    continue; // a face without kerning, say
                }
                assertTrue(table.getInitialized(), face.getName() + ": table " + tag + " is read when the face is parsed");
            }
            assertNotNull(face.getTableMap().get("glyf"), face.getName());
        }
    }
}
