package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The pictures of pages are PNG files any decoder reads back to exactly the pixels drawn. */
class PngEncoderTest {

    @Test
    void everyPixelComesBackAsDrawnWhateverTheImageType() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage drawn = page(type, 173, 245);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(drawn)));
            assertEquals(drawn.getWidth(), back.getWidth());
            assertEquals(drawn.getHeight(), back.getHeight());
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    assertEquals(drawn.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff,
                            "type " + type + ", pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aSubImageIsWrittenAsItsOwnPixels() throws IOException {
        BufferedImage whole = page(BufferedImage.TYPE_INT_RGB, 200, 200);
        BufferedImage part = whole.getSubimage(37, 51, 90, 60);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(part)));
        for (int y = 0; y < part.getHeight(); y++) {
            for (int x = 0; x < part.getWidth(); x++) {
                assertEquals(part.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, x + "," + y);
            }
        }
    }

    /** Paper, a coloured block, a rule and antialiased curves (as glyphs are): what a page picture holds. */
    private static BufferedImage page(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1a, 0x4d, 0x8c));
        g.fillRect(10, 10, width - 20, 40);
        g.setColor(new Color(200, 30, 20));
        g.drawLine(0, 70, width, 90);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        for (int i = 0; i < 12; i++) {
            g.fill(new java.awt.geom.Ellipse2D.Double(8 + i * 13.3, 110 + (i % 3) * 1.7, 9.5, 12.25));
        }
        g.dispose();
        return image;
    }
}
