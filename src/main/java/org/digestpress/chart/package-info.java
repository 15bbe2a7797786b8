/**
 * The chart stage: {@code ```chart} blocks (YAML plus CSV or inline rows) to vector charts in the PDF.
 *
 * <p>Public surface: {@link org.digestpress.chart.ChartStyle}, {@link org.digestpress.chart.ChartCompiler}
 * (the markdown stage's {@code ChartBlockHandler}) and {@link org.digestpress.chart.ChartObjectDrawer}
 * (openhtmltopdf's {@code FSObjectDrawer}). Wiring, in this order:
 * <ol>
 * <li>Register the chart font's TTF files with AWT
 *     ({@code GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(...))})
 *     before compiling charts, so labels are measured, checked for missing glyphs and drawn in that face.</li>
 * <li>{@code ChartCompiler charts = new ChartCompiler(ChartStyle.fromBrand("PT Sans", primary, accent, text));}
 *     hand it to the markdown stage; one compiler per issue, it keeps the built charts by block key.</li>
 * <li>On the {@code PdfRendererBuilder}: {@code useFont(ttf, "PT Sans", ...)} for the same family name, and
 *     {@code useObjectDrawerFactory(ChartObjectDrawer.objectDrawerFactory(charts))}.</li>
 * </ol>
 * Without step 1 the drawer throws {@code IllegalStateException}; without the matching {@code useFont} the
 * labels become outlines (drawn, but no longer text).
 */
package org.digestpress.chart;
