package org.digestpress.typography;

import io.github.nianna.api.HyphenatorProperties;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a word may be broken at the end of a line: Liang's algorithm over the TeX patterns of the
 * language (shipped as resources next to this class), the TeX exception list first.
 *
 * <p>Deliberately conservative, because a wrong break in print is worse than a loose line: at
 * least two letters stay on each side, words under five letters, words with a capital letter after
 * the first (abbreviations such as ООН, names such as iPhone), and anything that is not purely
 * letters (numbers, codes, words already carrying soft hyphens) are never broken. A word in
 * another script than the language's (a Latin name in Russian text) is not broken either: the
 * patterns would know nothing of it.
 */
public final class Hyphenator {
    static final char SOFT_HYPHEN = '\u00AD';
    private static final int MIN_WORD_LENGTH = 5;
    private static final int MIN_LEFT = 2;
    private static final int MIN_RIGHT = 2;

    /** Candidate words in running text; digits, underscores and soft hyphens rule one out below. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\u00AD_]+");

    private static final Map<String, Hyphenator> CACHE = new ConcurrentHashMap<>();
    private static final Hyphenator NONE = new Hyphenator(null, Map.of(), null);

    /** Null for a language without patterns. The library's hyphenator is immutable after construction. */
    private final io.github.nianna.api.Hyphenator patterns;
    private final Map<String, List<Integer>> exceptions;
    private final Character.UnicodeScript script;
    /**
     * Break points already found, by word: running text repeats its words (a page of Russian has
     * about half as many distinct words as words), and Liang's algorithm costs far more than a
     * lookup. Emptied when it grows past {@link #MEMO_LIMIT} words, so memory stays bounded.
     */
    private final Map<String, List<Integer>> memo = new ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 200_000;

    private Hyphenator(io.github.nianna.api.Hyphenator patterns, Map<String, List<Integer>> exceptions,
                       Character.UnicodeScript script) {
        this.patterns = patterns;
        this.exceptions = exceptions;
        this.script = script;
    }

    /** "ru" or "en" (any region: "en-GB" uses the US patterns too); any other language breaks nothing. */
    public static Hyphenator forLanguage(String language) {
        String primary = LanguageTag.primary(language);
        return switch (primary) {
            case "ru" -> CACHE.computeIfAbsent(primary, p -> load("ru", Character.UnicodeScript.CYRILLIC));
            case "en" -> CACHE.computeIfAbsent(primary, p -> load("en-us", Character.UnicodeScript.LATIN));
            default -> NONE;
        };
    }

    /**
     * Indices i (1..len-1) at which a break is allowed before {@code word.charAt(i)}, in ascending
     * order; empty when the word must not be broken.
     */
    public List<Integer> breakPoints(String word) {
        if (patterns == null || word == null || word.length() < MIN_WORD_LENGTH) {
            return List.of();
        }
        List<Integer> known = memo.get(word);
        if (known != null) {
            return known;
        }
        if (memo.size() > MEMO_LIMIT) {
            memo.clear();
        }
        List<Integer> found = breakable(word) ? computeBreakPoints(word) : List.of();
        memo.put(word, found);
        return found;
    }

    private List<Integer> computeBreakPoints(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<Integer> found = exceptions.get(lower);
        if (found == null) {
            found = patterns.hyphenateToken(lower).hyphenIndexes();
        }
        List<Integer> allowed = new ArrayList<>(found.size());
        for (int i : found) {
            if (i >= MIN_LEFT && i <= word.length() - MIN_RIGHT) {
                allowed.add(i);
            }
        }
        return List.copyOf(allowed);
    }

    /**
     * Puts soft hyphens into every breakable word of the run whose letters all belong to text
     * nodes the predicate allows (not a heading, a link, a {@code nohyphens} element) and that is
     * not frozen (an address). A word that already has a soft hyphen was hyphenated before, by us
     * or by the writer, and is left alone: that keeps a second pass from changing anything.
     */
    void insertSoftHyphens(TextRun run, IntPredicate ownerIsHyphenated) {
        if (patterns == null) {
            return;
        }
        List<TextRun.Edit> edits = new ArrayList<>();
        Matcher m = TOKEN.matcher(run.text());
        while (m.find()) {
            if (!eligible(run, m.start(), m.end(), ownerIsHyphenated)) {
                continue;
            }
            for (int point : breakPoints(m.group())) {
                edits.add(TextRun.Edit.insertion(m.start() + point, String.valueOf(SOFT_HYPHEN)));
            }
        }
        run.apply(edits);
    }

    private static boolean eligible(TextRun run, int start, int end, IntPredicate ownerIsHyphenated) {
        for (int i = start; i < end; i++) {
            if (run.isFrozen(i) || !ownerIsHyphenated.test(run.owner(i))) {
                return false;
            }
        }
        return true;
    }

    /** Letters of the language's script only, no capital after the first letter. */
    private boolean breakable(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isSurrogate(c) || !Character.isLetter(c) || Character.UnicodeScript.of(c) != script) {
                return false;
            }
            if (i > 0 && Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    private static Hyphenator load(String name, Character.UnicodeScript script) {
        List<String> patternLines = readLines(name + "-patterns.txt");
        Map<String, List<Integer>> exceptions = new HashMap<>();
        for (String line : readLines(name + "-exceptions.txt")) {
            exceptions.put(line.replace("-", "").toLowerCase(Locale.ROOT), exceptionBreaks(line));
        }
        var library = new io.github.nianna.api.Hyphenator(patternLines, new HyphenatorProperties(MIN_LEFT, MIN_RIGHT));
        return new Hyphenator(library, Map.copyOf(exceptions), script);
    }

    /** "ас-бест" → [2]: a hyphen in the exception list marks a break before the next letter. */
    private static List<Integer> exceptionBreaks(String hyphenated) {
        List<Integer> breaks = new ArrayList<>();
        int letters = 0;
        for (int i = 0; i < hyphenated.length(); i++) {
            if (hyphenated.charAt(i) == '-') {
                breaks.add(letters);
            } else {
                letters++;
            }
        }
        return List.copyOf(breaks);
    }

    /** The resource's non-empty lines, without the % comments that carry the licence notice. */
    private static List<String> readLines(String resource) {
        try (InputStream in = Hyphenator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("hyphenation resource missing from the build: " + resource);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("%")) {
                        lines.add(trimmed);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hyphenation resource " + resource, e);
        }
    }
}
