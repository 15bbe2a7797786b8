package org.digestpress.archetype;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Russian titles to readable Latin file names, by the table of ICAO Doc 9303 (7th edition, 2015),
 * the one Russian passports have used since 2014 (Order of the Federal Migration Service No. 320 /
 * MVD No. 889 of 2020): ж → zh, х → kh, ц → ts, щ → shch, ъ → ie, ы → y, ь dropped, ю → iu, я → ia,
 * й → i, ё → e. It needs no diacritics or apostrophes, so every result is a plain ASCII slug.
 */
public final class Transliteration {

    /** The whole table, lower case; capital letters map to the same Latin letters. */
    public static final Map<Character, String> ICAO_9303;

    static {
        Map<Character, String> t = new TreeMap<>();
        String[][] rows = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
            {"з", "z"}, {"и", "i"}, {"й", "i"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
            {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
            {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", "ie"}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "iu"},
            {"я", "ia"},
        };
        for (String[] row : rows) {
            t.put(row[0].charAt(0), row[1]);
        }
        ICAO_9303 = java.util.Collections.unmodifiableMap(t);
    }

    /** Slugs are cut at a word boundary after this many characters: file names stay readable. */
    static final int MAX_LENGTH = 50;

    private Transliteration() {
    }

    /** The Latin spelling of {@code text}: Cyrillic by the table, other letters and digits kept. */
    public static String latin(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String mapped = ICAO_9303.get(c);
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        return out.toString();
    }

    /**
     * A file name stem: transliterated, lower case, words joined by hyphens, at most about 50
     * characters; "article" when nothing Latin is left (a title of only punctuation, say).
     */
    public static String slug(String title) {
        String latin = java.text.Normalizer.normalize(latin(title), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug = latin.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 10 ? cut : MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
