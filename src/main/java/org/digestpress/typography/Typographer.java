package org.digestpress.typography;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The typography stage: language-aware typographic rules (quotes, dashes, no-break spaces, digit
 * groups, ellipses) and hyphenation by soft hyphens. Hyphenation is done here rather than by
 * openhtmltopdf's hyphenation hook because that hook is not told the language of the text.
 *
 * <p>Instances are immutable and thread-safe. Every method is idempotent: typesetting typeset
 * text again changes nothing.
 */
public final class Typographer {
    private static final Map<String, Typographer> CACHE = new ConcurrentHashMap<>();

    private final String language;
    private final Rules rules;
    private final Hyphenator hyphenator;

    private Typographer(String language) {
        this.language = language;
        this.rules = Rules.forLanguage(language);
        this.hyphenator = Hyphenator.forLanguage(language);
    }

    /** "ru", "en" (BCP-47 primary subtag; "ru-RU" → ru). Unknown language: no rules, no hyphenation (never fails). */
    public static Typographer forLanguage(String language) {
        return CACHE.computeIfAbsent(LanguageTag.primary(language), Typographer::new);
    }

    /** The languages with typographic rules and hyphenation patterns, sorted: en, ru. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "ru");

    /** Whether the language (its primary subtag) has rules and hyphenation, not the plain fallback. */
    public static boolean supports(String language) {
        return LANGUAGES.contains(LanguageTag.primary(language));
    }

    /** Typographic rules only, no soft hyphens: for titles, headings, table-of-contents entries, captions. */
    public String text(String plain) {
        return typesetPlain(plain, false);
    }

    /** Rules plus soft hyphens: for leads and other running plain text. */
    public String prose(String plain) {
        return typesetPlain(plain, true);
    }

    /**
     * A well-formed XHTML fragment (several top-level elements allowed, numeric character
     * references, no DTD and so no named entities but the five of XML): rules on every text node
     * outside code, soft hyphens in running text. Returns well-formed XHTML, characters as they
     * are, only {@code & < >} escaped in text and {@code & < "} in attribute values.
     *
     * @throws IllegalArgumentException if the fragment is not well-formed
     */
    public String fragment(String xhtml) {
        return typesetFragment(xhtml).xhtml();
    }

    /**
     * {@link #fragment} with the tree the text was written from, for stages that read the
     * fragment again (the web edition): see {@link TypesetFragment} for what may be done with it.
     */
    public TypesetFragment typesetFragment(String xhtml) {
        Objects.requireNonNull(xhtml, "xhtml");
        return XhtmlFragment.typeset(xhtml, this);
    }

    String language() {
        return language;
    }

    /** Rules, then (where the predicate allows) soft hyphens, on one run of text. */
    void typeset(TextRun run, IntPredicate ownerIsHyphenated) {
        rules.apply(run);
        hyphenator.insertSoftHyphens(run, ownerIsHyphenated);
    }

    private String typesetPlain(String plain, boolean hyphenate) {
        Objects.requireNonNull(plain, "plain");
        TextRun run = new TextRun();
        run.append(plain, 0);
        typeset(run, owner -> hyphenate);
        return run.textOf(0);
    }
}
