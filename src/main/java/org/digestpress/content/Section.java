package org.digestpress.content;

/**
 * A rubric of the publication, declared once in {@code publication.yaml}.
 *
 * @param style {@code news}, {@code briefs} or {@code feature}: a hook for the templates
 */
public record Section(String id, String title, String style) {
}
