package org.digestpress.typography;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyphenatorTest {

    /** The word with '-' at each break point the hyphenator allows. */
    private static String shown(String language, String word) {
        List<Integer> points = Hyphenator.forLanguage(language).breakPoints(word);
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int p : points) {
            out.append(word, from, p).append('-');
            from = p;
        }
        return out.append(word.substring(from)).toString();
    }

    /**
     * Expected values were computed from the shipped pattern files by a separate, independent
     * implementation of Liang's algorithm (a short Python script), not by the library under test.
     */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "ru, программа, про-грам-ма",
            "ru, правительство, пра-ви-тель-ство",
            "ru, экономика, эко-но-ми-ка",
            "ru, безопасность, без-опас-ность",
            "ru, трансформация, транс-фор-ма-ция",
            "ru, сельскохозяйственный, сель-ско-хо-зяй-ствен-ный",
            "ru, подъезд, подъ-езд",
            "ru, типография, ти-по-гра-фия",
            "ru, переход, пе-ре-ход",
            "ru, ёлочка, ёлоч-ка",
            "ru, Программа, Про-грам-ма",
            "ru-RU, экономика, эко-но-ми-ка",
            "en, hyphenation, hy-phen-ation",
            "en, computer, com-put-er",
            "en, government, gov-ern-ment",
            "en, information, in-for-ma-tion",
            "en, typography, ty-pog-ra-phy",
            "en, Information, In-for-ma-tion",
            "en-GB, computer, com-put-er",
    })
    void breaksWhereTheTexPatternsSay(String language, String word, String expected) {
        assertEquals(expected, shown(language, word));
    }

    /** The exception lists win over the patterns (patterns alone give ас-бе-ст, биз-не-смен, as-so-ci-ate, table, pro-ject). */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "ru, асбест, ас-бест",
            "ru, бизнесмен, биз-нес-мен",
            "ru, Бизнесмен, Биз-нес-мен",
            "en, associate, as-so-ciate",
            "en, table, ta-ble",
            "en, project, project",
    })
    void exceptionsOverrideThePatterns(String language, String word, String expected) {
        assertEquals(expected, shown(language, word));
    }

    /** The patterns alone would allow а-ор-та, у-ли-ца, оа-зис → о-а-зис, amoun-t: one letter is never left alone. */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "ru, аорта, аор-та",
            "ru, улица, ули-ца",
            "ru, оазис, оа-зис",
            "en, amount, amount",
            "en, enough, enough",
    })
    void keepsAtLeastTwoLettersOnEachSide(String language, String word, String expected) {
        assertEquals(expected, shown(language, word));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "урок", "ёжик", "yes", "",          // shorter than five letters
            "ЮНЕСКО", "НАТО-Б", "UNESCO",        // capitals: abbreviations
            "МинЭкономРазвития", "iPhone",      // a capital inside: a name or an abbreviation
            "12345", "2025", "Ту154", "covid19", // numbers and codes
            "пра\u00ADви\u00ADтель\u00ADство",  // already hyphenated
            "северо-западный",                  // not one word: callers break it at the hyphen
            "Microsoft", "government",          // Latin words for the Russian patterns
    })
    void leavesAloneWhatMustNotBeBroken(String word) {
        assertEquals(List.of(), Hyphenator.forLanguage("ru").breakPoints(word));
    }

    @Test
    void leavesRussianWordsToTheRussianPatterns() {
        assertEquals(List.of(), Hyphenator.forLanguage("en").breakPoints("правительство"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr-FR", "", "x"})
    void breaksNothingInAnUnknownLanguage(String language) {
        assertEquals(List.of(), Hyphenator.forLanguage(language).breakPoints("Donaudampfschifffahrt"));
        assertEquals(List.of(), Hyphenator.forLanguage(language).breakPoints("правительство"));
    }

    @Test
    void nullLanguageIsUnknownNotAnError() {
        assertEquals(List.of(), Hyphenator.forLanguage(null).breakPoints("правительство"));
    }

    @Test
    void isCachedPerLanguage() {
        assertSame(Hyphenator.forLanguage("ru"), Hyphenator.forLanguage("ru-RU"));
        assertSame(Hyphenator.forLanguage("en-US"), Hyphenator.forLanguage("EN"));
    }

    @Test
    void givesTheSameAnswerFromManyThreads() throws Exception {
        List<String> words = List.of("правительство", "экономика", "безопасность", "трансформация");
        List<List<Integer>> expected = words.stream().map(Hyphenator.forLanguage("ru")::breakPoints).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Integer>>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<List<Integer>> last = null;
                    for (int i = 0; i < 200; i++) {
                        last = words.stream().map(Hyphenator.forLanguage("ru")::breakPoints).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<List<Integer>>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void breakPointsAreInsideTheWord() {
        for (int i : Hyphenator.forLanguage("ru").breakPoints("сельскохозяйственный")) {
            assertTrue(i >= 2 && i <= "сельскохозяйственный".length() - 2, "break at " + i);
        }
    }
}
