package org.digestpress.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.digestpress.assets.Assets;
import org.digestpress.assets.Confinement;
import org.digestpress.assets.InstallationProblem;

/**
 * The fonts every document is set in. Each face is registered twice under one family name: with
 * the PDF builder (so text is embedded) and with AWT (so charts drawn through Graphics2D use the
 * same embedded font instead of a non-embedded Helvetica, which would break PDF/A).
 */
public final class FontSet {

    public static final String SERIF = "PT Serif";
    public static final String SANS = "PT Sans";
    public static final String FALLBACK = "DejaVu Sans";

    private record Face(String file, String family, int weight, FontStyle style, boolean fallback) {
    }

    private static final List<Face> FACES = List.of(
            new Face("PTF55F.ttf", SERIF, 400, FontStyle.NORMAL, false),
            new Face("PTF56F.ttf", SERIF, 400, FontStyle.ITALIC, false),
            new Face("PTF75F.ttf", SERIF, 700, FontStyle.NORMAL, false),
            new Face("PTF76F.ttf", SERIF, 700, FontStyle.ITALIC, false),
            new Face("PTS55F.ttf", SANS, 400, FontStyle.NORMAL, false),
            new Face("PTS56F.ttf", SANS, 400, FontStyle.ITALIC, false),
            new Face("PTS75F.ttf", SANS, 700, FontStyle.NORMAL, false),
            new Face("PTS76F.ttf", SANS, 700, FontStyle.ITALIC, false),
            new Face("DejaVuSans.ttf", FALLBACK, 400, FontStyle.NORMAL, true));

    private record Loaded(Face face, byte[] bytes, TrueTypeFont font, CmapLookup cmap) {
    }

    /**
     * The last set loaded. A process that builds more than once (tests, a resident builder) reads
     * the files again, which is cheap, but parses and registers them only when their bytes changed.
     * One set at most (about 5 MB), so it does not grow with builds. Its parsed faces are shared by
     * builds running at the same time ({@code archive --jobs}): that is safe because fontbox 3.0.7
     * reads every table when it parses a face ({@code TTFParser.parseTables}), keeps its cmaps as
     * maps nobody writes after, and caches glyph outlines under a lock; a PDF font made of a face
     * belongs to one document. {@code SharedFontsTest} fails should a fontbox update read tables
     * lazily again.
     */
    private static FontSet last;

    private final List<Loaded> loaded;
    private byte[] facesDigest;

    private FontSet(List<Loaded> loaded) {
        this.loaded = loaded;
    }

    /** The font files a document is set in, by name, for an archive's record of its inputs. */
    public static List<String> files() {
        return FACES.stream().map(Face::file).sorted().toList();
    }

    /** Loads all faces; a missing font file is a broken installation, not a content error. */
    public static synchronized FontSet load(Assets fonts) {
        List<byte[]> files = new ArrayList<>();
        for (Face face : FACES) {
            files.add(fonts.read(face.file()).orElseThrow(() -> new InstallationProblem(
                    "The font " + face.file() + " is missing from " + fonts.describe() + ".")));
        }
        if (last != null && last.sameBytes(files)) {
            return last;
        }
        List<Loaded> loaded = new ArrayList<>();
        for (int i = 0; i < FACES.size(); i++) {
            Face face = FACES.get(i);
            byte[] bytes = files.get(i);
            TrueTypeFont font;
            CmapLookup cmap;
            try {
                font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                // No ligatures: openhtmltopdf measures every line without them (PDFont.getStringWidth
                // ignores GSUB), so drawing «ﬂ» set a justified line narrower than it was laid out;
                // it also turned the text a reader searches for into U+FB02, and PDFBox rebuilt
                // a regular expression for every word to find them (1.4 s of a 300-page issue).
                font.setEnableGsub(false);
                // A damaged file may parse and fail only when a table is first used: touch the cmap now.
                cmap = font.getUnicodeCmapLookup();
                font.getNumberOfGlyphs();
            } catch (IOException | RuntimeException e) {
                throw new InstallationProblem("The font " + face.file() + " in " + fonts.describe()
                        + " is not a usable TrueType file.", e);
            }
            loaded.add(new Loaded(face, bytes, font, cmap));
            registerWithAwt(face, fonts, bytes);
        }
        last = new FontSet(List.copyOf(loaded));
        return last;
    }

    /** The tables a PDF font of a face reads: metrics, outlines, names, cmaps, kerning. */
    static final List<String> TABLES = List.of("head", "hhea", "hmtx", "maxp", "name", "post", "OS/2", "loca",
            "glyf", "cmap", "kern");

    /** The parsed faces, each shared by every document of the process. */
    List<TrueTypeFont> parsedFaces() {
        return loaded.stream().map(Loaded::font).toList();
    }

    private boolean sameBytes(List<byte[]> files) {
        for (int i = 0; i < files.size(); i++) {
            if (!Arrays.equals(files.get(i), loaded.get(i).bytes())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Registers a face with AWT, from its file when the fonts live in a folder. From a stream, AWT
     * copies the face into a {@code +~JF….tmp} file in the temporary folder and deletes it only in
     * a shutdown hook: a process that ends at once (the resident engine when its client goes away
     * during a command, {@code Runtime.halt}) or is killed left the nine faces there for good,
     * 3.7 MB each time. From a file nothing is copied. The file is the real one {@code read}
     * confined to the fonts folder. The fonts built into the jar have no file and keep the copy.
     */
    static void registerWithAwt(Face face, Assets fonts, byte[] bytes) {
        try {
            Optional<Path> file = fonts.folder().map(root -> Confinement.real(root.resolve(face.file())));
            Font font = file.isPresent() && Files.isRegularFile(file.get())
                    ? Font.createFont(Font.TRUETYPE_FONT, file.get().toFile())
                    : Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
        } catch (FontFormatException | IOException | RuntimeException e) {
            throw new InstallationProblem("The font " + face.file() + " in " + fonts.describe()
                    + " is not a usable TrueType file.", e);
        }
    }

    /**
     * Registers every face with a builder that draws into {@code document}. The brand faces are
     * handed over parsed: each layout pass of a build (and each build of a resident process)
     * makes a PDF font of the one shared parse, when the document first uses the face, instead of
     * parsing the file again. The fallback face is only read when a glyph is missing.
     */
    void registerWith(PdfRendererBuilder builder, PDDocument document) {
        for (Loaded l : loaded) {
            if (l.face().fallback()) {
                byte[] bytes = l.bytes();
                builder.useFont(() -> new ByteArrayInputStream(bytes), l.face().family(), l.face().weight(),
                        l.face().style(), true, EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL));
            } else {
                builder.useFont(new SharedFace(document, l.font()), l.face().family(), l.face().weight(),
                        l.face().style(), true);
            }
        }
    }

    /**
     * A PDF font of the face whose PostScript name is {@code name} (a subset's tag ignored), made
     * in {@code scratch} as {@link SharedFace} makes it in a document, so that it draws the codes
     * a page was set with before that document is saved ({@link DrawnPage#fontFor}); null for a
     * face this set does not have.
     */
    PDFont drawingFont(String name, PDDocument scratch) {
        String plain = name.matches("[A-Z]{6}\\+.+") ? name.substring(7) : name;
        for (Loaded l : loaded) {
            try {
                if (plain.equals(l.font().getName())) {
                    return PDType0Font.load(scratch, l.font(), true);
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    /** A parsed face made into a PDF font of one document, lazily: only faces in use are embedded. */
    private static final class SharedFace extends PDFontSupplier {
        private final PDDocument document;
        private final TrueTypeFont font;
        private PDFont made;

        SharedFace(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            if (made == null) {
                try {
                    made = PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    // checked when the set was loaded; a face that fails now is left out, as a broken file would be
                    return null;
                }
            }
            return made;
        }
    }

    /**
     * Adds the faces to a hash: a digest of every face's file name (relative to the font folder,
     * whatever that folder is) and bytes, in the fixed order of {@link #FACES}, computed once per
     * set (the fonts are 5 MB; a resident process would hash them again on every save).
     */
    void fingerprint(MessageDigest digest) {
        digest.update(facesDigest());
    }

    private synchronized byte[] facesDigest() {
        if (facesDigest == null) {
            MessageDigest faces = org.digestpress.assets.Sha256.digest();
            for (Loaded l : loaded) {
                faces.update(l.face().file().getBytes(StandardCharsets.UTF_8));
                faces.update((byte) 0);
                faces.update(l.bytes());
            }
            facesDigest = faces.digest();
        }
        return facesDigest;
    }

    /**
     * The characters of {@code text} that no bundled font can draw; they would print as '#'.
     * Spacing and control characters are ignored: they are never drawn as glyphs.
     */
    public Set<String> uncovered(String text) {
        Set<String> missing = new TreeSet<>();
        text.codePoints().distinct().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x00AD || cp == 0x00A0
                    || cp == 0x202F || cp == 0x2009 || cp == 0x200B || Character.getType(cp) == Character.FORMAT) {
                return;
            }
            for (Loaded l : loaded) {
                if (l.cmap().getGlyphId(cp) > 0) {
                    return;
                }
            }
            missing.add(new String(Character.toChars(cp)));
        });
        return missing;
    }
}
