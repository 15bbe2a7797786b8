package org.digestpress.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.w3c.dom.Element;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.OutputDeviceGraphicsDrawer;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

/**
 * Draws each SVG image once per document into a form XObject and places that form wherever the
 * image appears (the logo on the cover and on the back page, a picture used twice), scaled to
 * each place. openhtmltopdf's Batik drawer builds the SVG's graphics tree and draws it into a
 * new form at every place. One drawer serves one document (one renderer); a form is shared by
 * the places of the same parsed image (the same element, which {@link ParsedSvgs} gives for the
 * same address and bytes) whose boxes have the same proportions and whose CSS size hints are
 * the same: Batik fits the image's view box into the box uniformly, so the drawing at one size,
 * scaled, is the drawing at another. Anything else is drawn anew, as before.
 */
final class SharedSvgForms implements SVGDrawer {
    private final SVGDrawer batik;
    /** Forms drawn in this document, by what decides their drawing. */
    private final Map<FormKey, Drawn> drawn = new HashMap<>();

    SharedSvgForms(SVGDrawer batik) {
        this.batik = batik;
    }

    /**
     * What decides a form's drawing besides its size: the parsed image (by identity), the
     * proportions of the CSS size Batik is given ({@link #cssShape}), the CSS maximum size, and
     * the box's proportions (width and height in dots, reduced).
     */
    private record FormKey(Element svg, double cssShape, int cssMaxWidth, int cssMaxHeight,
                           int ratioWidth, int ratioHeight) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FormKey k && k.svg == svg && k.cssShape == cssShape
                    && k.cssMaxWidth == cssMaxWidth && k.cssMaxHeight == cssMaxHeight
                    && k.ratioWidth == ratioWidth && k.ratioHeight == ratioHeight;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(svg) * 31 + ratioWidth * 7 + ratioHeight;
        }
    }

    /** A form drawn into one output device (a drawer is never used for two, but it is checked). */
    private record Drawn(OutputDevice device, PDFormXObject form, float width, float height) {
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight,
                                  double dotsPerPixel) {
        SVGImage image = batik.buildSVGImage(svg, box, css, cssWidth, cssHeight, dotsPerPixel);
        int maxWidth = com.openhtmltopdf.css.style.CalculatedStyle.getCSSMaxWidth(css, box);
        int maxHeight = com.openhtmltopdf.css.style.CalculatedStyle.getCSSMaxHeight(css, box);
        return new Placed(image, svg, box, cssWidth, cssHeight, maxWidth, maxHeight, dotsPerPixel);
    }

    private final class Placed implements SVGImage {
        private final SVGImage image;
        private final Element svg;
        private final Box box;
        private final double cssWidth;
        private final double cssHeight;
        private final int maxWidth;
        private final int maxHeight;
        private final double dotsPerPixel;

        Placed(SVGImage image, Element svg, Box box, double cssWidth, double cssHeight, int maxWidth,
               int maxHeight, double dotsPerPixel) {
            this.image = image;
            this.svg = svg;
            this.box = box;
            this.cssWidth = cssWidth;
            this.cssHeight = cssHeight;
            this.maxWidth = maxWidth;
            this.maxHeight = maxHeight;
            this.dotsPerPixel = dotsPerPixel;
        }

        @Override
        public int getIntrinsicWidth() {
            return image.getIntrinsicWidth();
        }

        @Override
        public int getIntrinsicHeight() {
            return image.getIntrinsicHeight();
        }

        @Override
        public void drawSVG(OutputDevice device, RenderingContext ctx, double x, double y) {
            Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), ctx);
            if (!(device instanceof PdfBoxOutputDevice pdf) || content.width <= 0 || content.height <= 0) {
                image.drawSVG(device, ctx, x, y);
                return;
            }
            int common = gcd(content.width, content.height);
            boolean sized = cssWidth >= 0 && cssHeight >= 0;
            FormKey key = new FormKey(svg, cssShape(cssWidth, cssHeight), binding(maxWidth, cssWidth, sized),
                    binding(maxHeight, cssHeight, sized),
                    content.width / common, content.height / common);
            Drawn form = drawn.get(key);
            if (form == null || form.device() != device) {
                form = draw(pdf, ctx, x, y);
                if (form == null) {
                    return; // Batik drew nothing (it logged why), as before
                }
                drawn.put(key, form);
            }
            // As openhtmltopdf places its form (top left at x, y), scaled to this box.
            float dotsPerPoint = pdf.getDotsPerPoint();
            Rectangle bounds = new Rectangle((int) x, (int) y + lowered(form, content), content.width, content.height);
            pdf.drawPdfAsImage(form.form(), bounds, form.width() * 0.75f * dotsPerPoint,
                    form.height() * 0.75f * dotsPerPoint);
        }

        /**
         * How far openhtmltopdf's own form for this box would have been drawn lower than the
         * shared form scaled, in dots: its Graphics2D is a whole number of CSS pixels high and
         * flips the drawing at that height, while the form is placed by the box's exact height,
         * so every drawing sits lower by the fraction of a pixel cut off (at most 0.75 pt). The
         * shared form carries its own size's fraction, scaled; the difference is added here, so
         * the picture stands where it stood.
         */
        private int lowered(Drawn form, Rectangle content) {
            float height = (float) (content.height / dotsPerPixel);
            double scale = height / form.height();
            double cut = (height - (int) height) - (form.height() - (int) form.height()) * scale;
            return (int) Math.round(cut * dotsPerPixel);
        }

        /**
         * Lets Batik draw the image as it would, but catches the form openhtmltopdf would make
         * from its drawing, to make it here as openhtmltopdf does (PdfBoxFastOutputDevice's
         * createXForm: a Graphics2D of the box's size in CSS pixels, text in the document's fonts,
         * 72/96 as the form's matrix) and keep it.
         */
        private Drawn draw(PdfBoxOutputDevice device, RenderingContext ctx, double x, double y) {
            Drawn[] made = new Drawn[1];
            OutputDevice catching = (OutputDevice) Proxy.newProxyInstance(OutputDevice.class.getClassLoader(),
                    new Class<?>[] {OutputDevice.class}, (proxy, method, args) -> {
                        if (isDrawWithGraphics(method)) {
                            float width = (Float) args[2];
                            float height = (Float) args[3];
                            made[0] = new Drawn(device, form(device, device.getSharedContext(), width, height,
                                    (OutputDeviceGraphicsDrawer) args[args.length - 1]), width, height);
                            return null;
                        }
                        try {
                            return method.invoke(device, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            image.drawSVG(catching, ctx, x, y);
            return made[0];
        }
    }

    private static boolean isDrawWithGraphics(Method method) {
        return method.getName().equals("drawWithGraphics") && method.getParameterCount() >= 5;
    }

    private PDFormXObject form(PdfBoxOutputDevice device, SharedContext shared, float width, float height,
                               OutputDeviceGraphicsDrawer renderer) {
        try {
            PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(device.getWriter(), (int) width, (int) height);
            graphics.setFontTextDrawer(new DocumentFonts(shared));
            renderer.render(graphics);
            graphics.dispose();
            PDFormXObject form = graphics.getXFormObject();
            form.setMatrix(AffineTransform.getScaleInstance(72f / 96f, 72f / 96f));
            return form;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Batik sizes its drawing by the CSS width and height it is given, then openhtmltopdf
     * scales it uniformly into the box: only their proportion (or which of them is given)
     * changes the picture, not their size.
     */
    private static double cssShape(double width, double height) {
        if (width >= 0 && height >= 0) {
            return height == 0 ? -4 : width / height;
        }
        return width >= 0 ? -1 : height >= 0 ? -2 : -3;
    }

    /**
     * A CSS maximum as Batik gets it, or -1 when it cannot bind: Batik draws at the CSS size when
     * both width and height are given, so a maximum no smaller than that changes nothing (the
     * same logo under {@code max-width: 100%} of columns of other widths).
     */
    private static int binding(int max, double css, boolean sized) {
        return sized && max >= css ? -1 : max;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * Text in an SVG drawn in the document's embedded fonts, as openhtmltopdf maps it; a family
     * the document does not have is drawn as outlines (null), as there.
     */
    private static final class DocumentFonts extends PdfBoxGraphics2DFontTextDrawer {
        private final SharedContext shared;

        DocumentFonts(SharedContext shared) {
            this.shared = shared;
        }

        @Override
        protected PDFont mapFont(Font font, IFontTextDrawerEnv env) {
            FontSpecification spec = new FontSpecification();
            spec.size = font.getSize();
            spec.families = new String[] {font.getFamily()};
            spec.fontStyle = (font.getStyle() & Font.ITALIC) == Font.ITALIC ? IdentValue.ITALIC : IdentValue.NORMAL;
            spec.fontWeight = (font.getStyle() & Font.BOLD) == Font.BOLD ? IdentValue.FONT_WEIGHT_700 : IdentValue.NORMAL;
            spec.variant = IdentValue.NORMAL;
            PdfBoxFSFont resolved = (PdfBoxFSFont) shared.getFontResolver().resolveFont(shared, spec);
            var description = resolved.getFontDescriptions().get(0);
            if (resolved.getFontDescriptions().size() == 1 && description.getFont().getName().equals("Times-Roman")
                    && !font.getFamily().equals("Times New Roman")) {
                return null;
            }
            return description.getFont();
        }
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        batik.importFontFaceRules(fontFaces, shared);
    }

    @Override
    public SVGImage buildStandaloneSVGImage(Element svg, String uri, double targetWidth, double targetHeight,
                                            double dotsPerPixel) {
        return batik.buildStandaloneSVGImage(svg, uri, targetWidth, targetHeight, dotsPerPixel);
    }

    @Override
    public void withUserAgent(UserAgentCallback agent) {
        batik.withUserAgent(agent);
    }

    @Override
    public void addFontFile(File file, String family, Integer weight, FontStyle style)
            throws IOException, FontFormatException {
        batik.addFontFile(file, family, weight, style);
    }

    @Override
    public void addFontStream(FSSupplier<InputStream> supplier, String family, Integer weight, FontStyle style)
            throws IOException, FontFormatException {
        batik.addFontStream(supplier, family, weight, style);
    }

    @Override
    public void close() throws IOException {
        batik.close();
    }
}
