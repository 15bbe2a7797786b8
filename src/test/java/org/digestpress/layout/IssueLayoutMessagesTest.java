package org.digestpress.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IssueLayoutMessagesTest {

    @Test
    void nullOrMissingKeepsTheExpressionAndDropsTheTips() {
        String message = """
                The following has evaluated to null or missing:
                ==> issue.noSuchField  [in template "issue.ftlx" at line 1, column 3]

                ----
                Tip: If the failing expression is known to legally refer to something that's sometimes null...
                ----
                """;
        assertEquals("The following has evaluated to null or missing: issue.noSuchField",
                IssueLayout.firstSentence(message));
    }

    @Test
    void aOneLineMessageStaysAsItIs() {
        assertEquals("Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons.",
                IssueLayout.firstSentence("Instantiating freemarker.template.utility.Execute is not allowed in the "
                        + "template for security reasons.\n\n----\nFTL stack trace (\"~\" means nesting-related):"));
    }
}
