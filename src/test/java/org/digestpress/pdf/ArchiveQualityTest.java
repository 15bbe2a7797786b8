package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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

/** What CI publishing archived PDFs relies on: PDF/A-3u and PDF/UA-1 that veraPDF accepts, and identical bytes. */
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
    void veraPdfAcceptsTheFixtureAsPdfA3uAndPdfUa1() throws Exception {
        assertCompliant(BuiltIssue.of(BuiltIssue.FIXTURE).bytes);
    }

    /** PDF/A-3u and PDF/UA-1, each with 0 failed rules. */
    public static void assertCompliant(byte[] pdf) throws Exception {
        String failures = failures(pdf, PDFAFlavour.PDFA_3_U) + failures(pdf, PDFAFlavour.PDFUA_1);
        assertTrue(failures.isEmpty(), "veraPDF failed rules:\n" + failures);
    }

    /** The failed rules of one flavour, one line per rule with its count; empty when compliant. */
    static String failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return "";
            }
            Map<String, Long> counts = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .collect(Collectors.groupingBy(a -> flavour.getId() + " " + a.getRuleId().getClause() + "-"
                            + a.getRuleId().getTestNumber() + ": " + a.getMessage(), TreeMap::new, Collectors.counting()));
            return counts.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue() + "\n")
                    .collect(Collectors.joining());
        }
    }
}
