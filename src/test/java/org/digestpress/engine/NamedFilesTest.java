package org.digestpress.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The files an article names (the key of its kept rendering) are found as the expression finds them, in linear time. */
class NamedFilesTest {

    private static final Pattern EXPRESSION = Pattern.compile("[\\p{L}\\p{N}_./-]+\\.(?i:csv|svg|png|jpe?g)");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("a", "Б", ".", "/", "-", "_", " ", "csv", "PNG", "jpeg", "jpg", "svg",
                "..", "(", "²", "x.png", "../images/a b.svg", "\uD835\uDC00")).list().ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void sameNamesAsTheExpression(@ForAll("texts") String text) {
        List<String> expected = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            expected.add(m.group());
        }
        assertEquals(expected, ArticleStages.namedFiles(text), "«" + text + "»");
    }

    @Test
    void longSeparatorLinesTakeNoTime() {
        String body = ("-".repeat(19_000) + "\n\n").repeat(90) + "../images/scheme.svg";
        // the expression took minutes on this body
        List<String> names = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ArticleStages.namedFiles(body));
        assertEquals(List.of("../images/scheme.svg"), names);
    }
}
