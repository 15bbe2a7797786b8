/**
 * The typography stage: typographic rules per language and hyphenation by soft hyphens.
 *
 * <p>The public surface is {@link org.digestpress.typography.Typographer} (text, prose, XHTML
 * fragments) and {@link org.digestpress.typography.Hyphenator} (break points of one word).
 *
 * <p>What the pdf stage relies on, checked by {@code SoftHyphensInPdfTest} with openhtmltopdf
 * 1.1.65: soft hyphens (U+00AD) in the XHTML make openhtmltopdf break words there and draw a
 * visible hyphen; it strips U+00AD before measuring and drawing, so none reaches the PDF's text.
 * The pdf stage therefore needs no hook of its own: it must not also call
 * {@code useHyphenation(...)} nor set CSS {@code hyphens: auto} (that would hyphenate without
 * knowing the language, on top of this stage), and strings that do not go through text drawing
 * (the document title, bookmark names, {@code alt} texts, metadata) must come from
 * {@link org.digestpress.typography.Typographer#text}, which never adds soft hyphens.
 */
package org.digestpress.typography;
