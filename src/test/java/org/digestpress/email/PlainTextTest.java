package org.digestpress.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The text part's lines: at most 72 characters, broken at spaces, never inside an address. */
class PlainTextTest {

    @Test
    void longLinesBreakAtSpacesAndAddressesStayWhole() {
        String address = "https://digest.example.org/archive/2025/2025-06/index.html#article-events-05-tambov-neftegaz";
        String lead = "Восемь предприятий из четырех регионов объединились в межрегиональный кластер, "
                + "который уже внесен в реестр Минпромторга России.";
        String wrapped = PlainText.wrap(lead + "\nЧитать: " + address + "\n");
        for (String line : wrapped.split("\n")) {
            assertTrue(line.length() <= 72 || line.equals(address), line);
        }
        assertTrue(wrapped.contains("\n" + address + "\n"), "the address on a line of its own, whole: " + wrapped);
        assertEquals(lead + " Читать: " + address, wrapped.strip().replace('\n', ' '), "no word lost or cut");
    }
}
