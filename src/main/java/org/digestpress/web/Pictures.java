package org.digestpress.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Every picture of the page with the size a browser needs before it loads (so nothing moves when
 * it arrives) and, for a photo wider than a phone's column, resized copies to choose from
 * ({@code srcset}): a 4000 px camera JPEG is not sent to a 390 px phone. The copies are made when the
 * page is written ({@link ResizedImage}); here only the sizes are read, from the files' headers.
 */
final class Pictures {

    /** Widths offered to the browser: a phone's column at 1×, 2×, 3×, a desktop's column at 2×. */
    static final List<Integer> WIDTHS = List.of(480, 960, 1440);
    private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9.]+)\\s*(px|pt|mm|cm|in)?\\s*");

    /**
     * @param src    the copy the page names in {@code src}
     * @param srcset the copies by width, empty when there is one
     * @param width  in CSS pixels, as the picture is shown at its natural size (0 when unknown)
     */
    record Picture(String src, String srcset, int width, int height) {
        /** For the template, which sees the public API of public classes only. */
        Map<String, Object> asMap() {
            return Map.of("src", src, "srcset", srcset, "width", width, "height", height);
        }
    }

    private final PageFiles files;
    private final Map<String, Picture> known = new TreeMap<>();
    /** Resized copies to make: name in the page → what to make it from. */
    private final Map<String, ResizedImage> resized = new TreeMap<>();

    Pictures(PageFiles files) {
        this.files = files;
    }

    /** @param uri a {@code file:} URI from the print edition */
    Picture of(String uri) {
        Picture picture = known.get(uri);
        if (picture == null) {
            picture = read(uri);
            known.put(uri, picture);
        }
        return picture;
    }

    Map<String, ResizedImage> resized() {
        return new TreeMap<>(resized);
    }

    private Picture read(String uri) {
        String name = files.add(uri);
        if (uri == null || !uri.startsWith("file:")) {
            return new Picture(name, "", 0, 0);
        }
        Path file = Path.of(URI.create(uri)).normalize();
        if (name.toLowerCase(Locale.ROOT).endsWith(".svg")) {
            int[] size = svgSize(file);
            return new Picture(name, "", size[0], size[1]);
        }
        int[] size = rasterSize(file);
        if (size[0] <= WIDTHS.get(0)) {
            return new Picture(name, "", size[0], size[1]);
        }
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < size[0]) {
                widths.add(w);
            }
        }
        if (widths.size() < WIDTHS.size()) {
            widths.add(size[0]);  // the original's own width, re-encoded without its metadata
        }
        List<String> names = files.derive(name, widths.stream().map(w -> "-" + w + "w").toList());
        StringBuilder srcset = new StringBuilder();
        String src = names.get(0);
        for (int i = 0; i < names.size(); i++) {
            int w = widths.get(i);
            resized.put(names.get(i), new ResizedImage(file, w, size[2]));
            srcset.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(w).append('w');
            if (w <= 960) {
                src = names.get(i);
            }
        }
        return new Picture(src, srcset.toString(), size[0], size[1]);
    }

    /** Width and height as shown (a photo turned by its EXIF orientation counts turned), and the orientation. */
    private static int[] rasterSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new int[] {0, 0, 1};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                int orientation = ExifOrientation.of(file);
                return orientation >= 5 ? new int[] {h, w, orientation} : new int[] {w, h, orientation};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // an unreadable image was reported by the earlier stages; the page then goes without its size
            return new int[] {0, 0, 1};
        }
    }

    /** The width and height an SVG declares (in CSS pixels), else those of its view box. */
    static int[] svgSize(Path file) {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(16_384), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new int[] {0, 0};
        }
        Matcher root = SVG_ROOT.matcher(head);
        if (!root.find()) {
            return new int[] {0, 0};
        }
        String tag = root.group();
        double w = pixels(attribute(tag, "width"));
        double h = pixels(attribute(tag, "height"));
        String[] box = attribute(tag, "viewBox").trim().split("[\\s,]+");
        if ((w <= 0 || h <= 0) && box.length == 4) {
            try {
                double bw = Double.parseDouble(box[2]);
                double bh = Double.parseDouble(box[3]);
                if (w > 0) {
                    h = w * bh / bw;
                } else if (h > 0) {
                    w = h * bw / bh;
                } else {
                    w = bw;
                    h = bh;
                }
            } catch (NumberFormatException e) {
                return new int[] {0, 0};
            }
        }
        return w > 0 && h > 0 ? new int[] {(int) Math.round(w), (int) Math.round(h)} : new int[] {0, 0};
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*([\"'])(.*?)\\1", Pattern.DOTALL).matcher(tag);
        return m.find() ? m.group(2) : "";
    }

    private static double pixels(String length) {
        Matcher m = LENGTH.matcher(length);
        if (!m.matches()) {
            return 0;
        }
        double v;
        try {
            v = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
        String unit = m.group(2) == null ? "px" : m.group(2);
        return switch (unit) {
            case "pt" -> v * 96 / 72;
            case "mm" -> v * 96 / 25.4;
            case "cm" -> v * 96 / 2.54;
            case "in" -> v * 96;
            default -> v;
        };
    }
}
