package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What CI publishing archived PDFs relies on: PDF/A that veraPDF accepts, and identical bytes. */
public class ArchiveQualityTest {

    @TempDir
    Path temp;

    @Test
    void twoBuildsOfTheSameInputGiveTheSameBytes() throws Exception {
        Path first = temp.resolve("first.pdf");
        Path second = temp.resolve("second.pdf");
        assertTrue(Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, first)).pdf() != null);
        Thread.sleep(1100); // a clock-dependent date would now differ
        assertTrue(Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, second)).pdf() != null);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void veraPdfAcceptsTheFixtureAsPdfA2u() throws Exception {
        assertCompliant(BuiltIssue.of(BuiltIssue.FIXTURE).bytes);
    }

    public static void assertCompliant(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_U)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_U, false);
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().limit(20).collect(Collectors.joining("\n"));
            assertTrue(result.isCompliant(), "PDF/A-2u violations:\n" + failures);
        }
    }
}
