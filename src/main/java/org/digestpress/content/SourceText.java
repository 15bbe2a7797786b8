package org.digestpress.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.digestpress.problem.Problems;

/**
 * Reads an input file as strict UTF-8. A file saved in Windows-1251 or KOI8-R must be an error
 * pointing at the first bad byte's line, not mojibake in a printed issue; a control character is
 * an error at its line and column; a file past {@link Limits#MAX_TEXT_FILE_BYTES} is not read.
 */
public final class SourceText {

    private SourceText() {
    }

    /** @return the text with a leading BOM removed and line ends normalised, or null after reporting */
    public static String read(Path file, Problems problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_TEXT_FILE_BYTES) {
                problems.error(file, 0, 0, "The file is " + Limits.bytes(size) + " long; a build reads text files of up to "
                        + Limits.bytes(Limits.MAX_TEXT_FILE_BYTES) + ". Split it.");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.error(file, 0, 0, "The file cannot be read: " + e.getMessage() + ".");
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return XmlCharacters.checkRaw(text.replace("\r\n", "\n").replace('\r', '\n'), file, 1, problems);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            problems.error(file, line, column, "The file is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF)
                    + " here); save it as UTF-8.");
            return null;
        }
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }
}
