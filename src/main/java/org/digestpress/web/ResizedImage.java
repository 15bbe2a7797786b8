package org.digestpress.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One resized copy of a photo for the web edition: turned upright by its EXIF orientation, scaled
 * to {@code width} in halving steps (one bilinear step from 4000 to 480 px would skip pixels and
 * alias), and written without the original's metadata (a camera's EXIF can hold where the photo was
 * taken). JPEG stays JPEG (quality 0.82), anything else becomes PNG.
 */
record ResizedImage(Path source, int width, int orientation) {

    private static final float JPEG_QUALITY = 0.82f;

    boolean jpeg() {
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /** @return the bytes of the copy, or null when the source cannot be decoded */
    byte[] make(byte[] original) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original));
        if (image == null) {
            return null;
        }
        image = upright(image, orientation);
        boolean alpha = image.getColorModel().hasAlpha() && !jpeg();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int targetHeight = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = w == width ? targetHeight : Math.max(targetHeight, h / 2);
            current = draw(current, w, h, type, null);
        } while (w > width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (jpeg()) {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            ImageWriter writer = writers.next();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.write(null, new IIOImage(current, null, null), param);
            } finally {
                writer.dispose();
            }
        } else {
            ImageIO.write(current, "png", out);
        }
        return out.toByteArray();
    }

    private static BufferedImage draw(BufferedImage source, int w, int h, int type, AffineTransform turn) {
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE);  // a transparent GIF or PNG photo made JPEG-like: on white, not black
                g.fillRect(0, 0, w, h);
            }
            if (turn != null) {
                g.drawImage(source, turn, null);
            } else {
                g.drawImage(source, 0, 0, w, h, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The pixels as the camera meant them to be seen (EXIF orientation 2–8). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        boolean turned = orientation >= 5;
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return draw(image, turned ? h : w, turned ? w : h, type, t);
    }
}
