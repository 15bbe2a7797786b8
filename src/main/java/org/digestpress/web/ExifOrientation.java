package org.digestpress.web;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation of a JPEG (1–8; 1 when there is none). A camera stores a portrait photo as
 * landscape pixels with orientation 6 or 8 and leaves the turn to the viewer; Java's ImageIO
 * ignores it, so a resized copy would lie on its side without this.
 */
final class ExifOrientation {

    private static final int TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;  // not a JPEG
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return 1;  // image data begins: no EXIF before it
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return 1;
                }
                byte[] segment = in.readNBytes(length);
                if (marker == 0xFFE1 && segment.length > 14 && new String(segment, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                    return fromTiff(ByteBuffer.wrap(segment, 6, segment.length - 6).slice());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1;  // a damaged header: shown as stored
        }
    }

    private static int fromTiff(ByteBuffer tiff) {
        tiff.order(tiff.getShort(0) == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if ((tiff.getShort(entry) & 0xFFFF) == TAG) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
