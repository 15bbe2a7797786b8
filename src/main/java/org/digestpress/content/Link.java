package org.digestpress.content;

/** A titled web link, e.g. an entry of the «Новые публикации» box. */
public record Link(String title, String url) {
}
