package org.digestpress.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.digestpress.BuiltIssue;
import org.digestpress.assets.Assets;
import org.digestpress.content.Labels;
import org.digestpress.content.References;
import org.digestpress.problem.Problems;
import org.junit.jupiter.api.Test;

/** Image syntax CommonMark leaves as text is a warning with the fix; real images and code are not. */
class LiteralImagesTest {

    private final Problems problems = new Problems();
    private final MarkdownRenderer renderer = new MarkdownRenderer(new References(BuiltIssue.FIXTURE),
            Labels.load(Assets.directory(BuiltIssue.REPO.resolve("templates")), "ru", problems), null);
    private final Path file = BuiltIssue.FIXTURE.resolve("2030-01/news/01-zavod.md");

    private List<String> warnings(String markdown) {
        Problems run = new Problems();
        renderer.render(markdown, file, 10, "a1", "ru", run);
        return run.all().stream().filter(p -> p.message().contains("angle brackets"))
                .map(p -> p.line() + ":" + p.column() + " " + p.message()).toList();
    }

    @Test
    void eachLiteralImageWithASpaceIsNamedAtItsLineWithTheFix() {
        List<String> found = warnings("Текст.\n\nСм. ![Схема](../images/my scheme.svg) и\n"
                + "  ![Фото](../images/a b.png \"Подпись\").\n");
        assertEquals(List.of(
                "12:5 This image was not recognised because its path has a space: write the path in angle brackets, "
                        + "![Схема](<../images/my scheme.svg>).",
                "13:3 This image was not recognised because its path has a space: write the path in angle brackets, "
                        + "![Фото](<../images/a b.png> \"Подпись\")."), found);
    }

    @Test
    void imagesMarkdownTookAndCodeAreLeftAlone() {
        assertEquals(List.of(), warnings("![Схема](../images/scheme.svg)\n\n`![a](b c)` and\n\n```\n![a](b c)\n```\n"
                + "\n![Схема](<../images/scheme.svg>)\n"));
    }

    @Test
    void manyOpeningsInOneParagraphTakeLinearTime() {
        String hostile = "![".repeat(20_000) + "](" + " x".repeat(20_000) + "![a](" .repeat(5_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> warnings(hostile));
    }
}
