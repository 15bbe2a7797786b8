package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The editor's link: what the user's template makes of a file and line, and which templates are refused. */
class EditorLinkTest {

    @Test
    void makesTheEditorsLinkWithTheAbsolutePathQuoted() {
        EditorLink vscode = EditorLink.of("vscode://file/{path}:{line}:{column}").orElseThrow();
        assertEquals("vscode://file/home/a/content/2025-06/news/01.md:7:3",
                vscode.to(Path.of("/home/a/content/2025-06/news/01.md"), 7, 3));
        assertEquals("vscode://file/home/a/my%20issue/%23draft%3F.md:1:1",
                vscode.to(Path.of("/home/a/my issue/#draft?.md"), 0, 0), "spaces, # and ? quoted; line and column at least 1");
        assertEquals("idea://open?file=/tmp/x.md&line=4",
                EditorLink.of("idea://open?file={path}&line={line}").orElseThrow().to(Path.of("/tmp/x.md"), 4, 1));
        assertTrue(EditorLink.of("").isEmpty() && EditorLink.of(null).isEmpty(), "no template, no links");
    }

    @Test
    void refusesTemplatesThatAreNoEditorsLink() {
        for (String bad : List.of("javascript:alert(1)//{path}", "JavaScript:{path}", "data:text/html,{path}",
                "https://evil.example/{path}", "file://{path}", "vscode://file/{line}", "{path}",
                "vscode://file/{path} --x", "vscode://file/\"{path}\"", "vscode://file/<{path}>")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EditorLink.of(bad), bad);
            assertTrue(e.getMessage().startsWith("The editor link '"), e.getMessage());
        }
    }
}
