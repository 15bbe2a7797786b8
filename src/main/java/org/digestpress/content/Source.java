package org.digestpress.content;

/** Where a news item comes from; {@code url} may be null. */
public record Source(String name, String url) {
}
