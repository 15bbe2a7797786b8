package org.digestpress.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ICAO Doc 9303 table letter by letter, and slugs made from real-looking titles. */
class TransliterationTest {

    @Test
    void everyLetterOfTheAlphabetFollowsTheTable() {
        String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        String[] latin = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
            "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia"};
        assertEquals(33, alphabet.length());
        for (int i = 0; i < alphabet.length(); i++) {
            String letter = alphabet.substring(i, i + 1);
            assertEquals(latin[i], Transliteration.latin(letter), letter);
            assertEquals(latin[i], Transliteration.latin(letter.toUpperCase(java.util.Locale.ROOT)), "capital " + letter);
        }
        assertEquals(33, Transliteration.ICAO_9303.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Креативное предпринимательство в регионах | kreativnoe-predprinimatelstvo-v-regionakh",
        "Объём инвестиций — 50 млрд рублей | obieem-investitsii-50-mlrd-rublei",
        "Щука, ёж и чай | shchuka-ezh-i-chai",
        "ИИ в России: 2025 | ii-v-rossii-2025",
        "Yandex и «Сбер» | yandex-i-sber",
        "Café crème | cafe-creme",
        "!!! | article",
        "Медико-технический промышленный кластер появится в России | mediko-tekhnicheskii-promyshlennyi-klaster",
    })
    void slugsAreReadableLatinFileNames(String title, String slug) {
        assertEquals(slug, Transliteration.slug(title));
    }
}
