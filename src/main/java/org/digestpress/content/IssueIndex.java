package org.digestpress.content;

import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.problem.Problems;

/**
 * The back-of-issue indexes: every region (or tag) of an issue in the alphabetical order of the
 * publication's language, each with the articles about it in issue order. The page numbers are
 * the renderer's business; this only decides what is listed and in which order.
 */
public final class IssueIndex {

    /** One line of an index: a heading and the keys of its articles, in issue order. */
    public record Entry(String name, List<String> articleKeys) {
        public Entry {
            articleKeys = List.copyOf(articleKeys);
        }
    }

    /**
     * Abbreviations an editor writes for the same word; «Томская обл.» and «Томская область» are
     * one region. The dot is optional in the pattern, so «обл» matches too.
     */
    private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

    static {
        ABBREVIATIONS.put("обл", "область");
        ABBREVIATIONS.put("респ", "республика");
        ABBREVIATIONS.put("кр", "край");
        ABBREVIATIONS.put("г", "город");
        ABBREVIATIONS.put("ао", "автономный округ");
        ABBREVIATIONS.put("авт", "автономная");
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}-]+\\.?");

    private IssueIndex() {
    }

    /**
     * The regions of the issue's articles. A region written two ways (after abbreviations, case,
     * «ё» and spacing are evened out) is listed once, under the spelling met first, and each other
     * spelling is a warning naming both places.
     */
    public static List<Entry> regions(Issue issue, String language, Problems problems) {
        Map<String, Region> firstSpelling = new LinkedHashMap<>();
        Map<String, Path> firstFile = new LinkedHashMap<>();
        Map<String, List<String>> articles = new LinkedHashMap<>();
        Path root = issue.dir().getParent();
        for (Article article : issue.articles()) {
            for (Region region : article.regions()) {
                String key = normalise(region.name());
                Region first = firstSpelling.putIfAbsent(key, region);
                firstFile.putIfAbsent(key, article.file());
                if (first != null && !first.name().equals(region.name())) {
                    problems.warning(article.file(), region.line(), 0, "The region '" + region.name()
                            + "' is spelled '" + first.name() + "' in " + relative(root, firstFile.get(key)) + ":"
                            + first.line() + "; the index lists both under '" + first.name()
                            + "'. Spell it one way.");
                }
                List<String> keys = articles.computeIfAbsent(key, k -> new ArrayList<>());
                if (!keys.contains(article.key())) {
                    keys.add(article.key());
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        articles.forEach((key, keys) -> entries.add(new Entry(firstSpelling.get(key).name(), keys)));
        return sorted(entries, language);
    }

    /** The tags of the issue's articles, each with its articles; tags differing only in case are one. */
    public static List<Entry> tags(Issue issue, String language) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<String>> articles = new LinkedHashMap<>();
        for (Article article : issue.articles()) {
            for (String tag : article.tags()) {
                if (tag.isBlank()) {
                    continue;
                }
                String key = tag.strip().toLowerCase(locale);
                spelling.putIfAbsent(key, tag.strip());
                List<String> keys = articles.computeIfAbsent(key, k -> new ArrayList<>());
                if (!keys.contains(article.key())) {
                    keys.add(article.key());
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        articles.forEach((key, keys) -> entries.add(new Entry(spelling.get(key), keys)));
        return sorted(entries, language);
    }

    /**
     * Alphabetical by the language's collation (in Russian «Ё» sorts with «Е»); names equal to the
     * collator keep a fixed order by their characters, so the output never depends on input order.
     */
    static List<Entry> sorted(List<Entry> entries, String language) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        collator.setStrength(Collator.TERTIARY);
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing((Entry e) -> foldYo(e.name()), collator).thenComparing(Entry::name));
        return List.copyOf(out);
    }

    /** The text a reader would look up: lower case, «ё» as «е», abbreviations written out, one space. */
    static String normalise(String region) {
        String lower = foldYo(region.toLowerCase(Locale.ROOT)).replace('\u00a0', ' ');
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            String word = m.group();
            String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            String full = ABBREVIATIONS.getOrDefault(bare, bare);
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(full);
        }
        return out.toString();
    }

    private static String foldYo(String text) {
        return text.replace('ё', 'е').replace('Ё', 'Е');
    }

    private static String relative(Path root, Path file) {
        try {
            return root == null ? file.getFileName().toString() : root.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
