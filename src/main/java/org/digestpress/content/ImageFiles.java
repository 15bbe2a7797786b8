package org.digestpress.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.digestpress.problem.Problems;

/**
 * Checks an image file before it reaches the renderer, which drops an image it cannot read without
 * a word, decodes a raster image whole (a 20000×20000 PNG took 3.7 GB) and blanks what an SVG
 * fetches from elsewhere. A PNG, JPEG or GIF must decode and stay within
 * {@link Limits#MAX_IMAGE_PIXELS} (read from its header, before decoding); an SVG must be
 * well-formed XML that refers to nothing outside itself and runs nothing ({@link SvgScan}). The
 * name must say the kind (.png, .jpg, .jpeg, .gif, .svg): the web edition copies it under that name.
 */
public final class ImageFiles {

    private static final Pattern KNOWN_EXTENSION = Pattern.compile("\\.(?:png|jpe?g|gif|svg)$");
    /** Decoded pixels at most, when a raster image is read through to check it is whole. */
    private static final long CHECK_PIXELS = 1_000_000L;

    private ImageFiles() {
    }

    /**
     * @param image the resolved file
     * @param from  the file that refers to it, and the reference's line: raster problems are reported there
     * @return whether the renderer can be given the image; problems say why not
     */
    public static boolean check(Path image, String reference, Path from, int line, int column, Problems problems) {
        long size;
        try {
            size = Files.size(image);
        } catch (IOException e) {
            problems.error(from, line, column, "The image '" + reference + "' cannot be read.");
            return false;
        }
        if (size > Limits.MAX_IMAGE_FILE_BYTES) {
            problems.error(from, line, column, "The image '" + reference + "' is " + Limits.bytes(size)
                    + "; an image may have up to " + Limits.bytes(Limits.MAX_IMAGE_FILE_BYTES) + ". Make it smaller.");
            return false;
        }
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!KNOWN_EXTENSION.matcher(name).find()) {
            // the web edition copies the file under its own name, and a server says what it is by
            // that name: a GIF named .html that also holds a script would become a page
            problems.error(from, line, column, "The image '" + reference + "' must be named by its kind: .png, .jpg, "
                    + ".jpeg, .gif or .svg.");
            return false;
        }
        if (name.endsWith(".svg")) {
            return svg(image, problems);
        }
        return raster(image, reference, from, line, column, problems);
    }

    private static boolean raster(Path image, String reference, Path from, int line, int column, Problems problems) {
        String damaged = "The image '" + reference + "' cannot be decoded: the file is damaged, cut short or "
                + "not really a PNG or JPEG. Save it again from an image editor.";
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                problems.error(from, line, column, "The image '" + reference + "' is not a PNG, JPEG or GIF image "
                        + "(perhaps another kind of file with an image's name).");
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > Limits.MAX_IMAGE_PIXELS) {
                    problems.error(from, line, column, String.format(Locale.ROOT, "The image '%s' is %d×%d pixels; "
                            + "an image may have up to %d million pixels (300 dpi across a page needs about 2500 "
                            + "pixels in width). Scale it down.", reference, width, height,
                            Limits.MAX_IMAGE_PIXELS / 1_000_000));
                    return false;
                }
                boolean[] warned = {false};
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        warned[0] = true;
                    }
                });
                // read through every row, but keep at most about a million pixels in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / CHECK_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (warned[0]) {
                    problems.error(from, line, column, damaged);
                    return false;
                }
                return true;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            problems.error(from, line, column, damaged);
            return false;
        }
    }

    private static boolean svg(Path image, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            problems.error(image, 0, 0, "This SVG image cannot be read.");
            return false;
        }
        return SvgScan.check(image, bytes, problems);
    }

    /**
     * Whether {@code bytes}, the content of the SVG {@code file} about to be copied into the web
     * edition, still passes the check it passed when it was read for the PDF (the file may have
     * been changed since, while a server was building). What is checked is what is written.
     */
    public static boolean publishableSvg(Path file, byte[] bytes, Problems problems) {
        return SvgScan.check(file, bytes, problems);
    }
}
