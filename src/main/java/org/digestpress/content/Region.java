package org.digestpress.content;

/**
 * One region an article is about, as written in its front matter.
 *
 * @param name the region as the editor spelled it, e.g. «Томская область»
 * @param line 1-based line of that spelling in the article's file, for warnings
 */
public record Region(String name, int line) {
}
