package org.digestpress.pdf;

import java.time.ZonedDateTime;

/**
 * What a PDF says about itself. {@code created} is derived from the content (the issue date),
 * never from the clock, so two builds of the same input are byte-for-byte identical.
 */
public record DocumentInfo(String language, ZonedDateTime created) {
}
