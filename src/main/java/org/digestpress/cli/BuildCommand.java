package org.digestpress.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.OutputCheck;
import org.digestpress.pdf.Thumbnails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds an issue into a PDF.",
                "With no ISSUE_DIR, builds the newest issue of content/ into out/<YYYY-MM>.pdf.",
                "Exit status: 0 built, 1 problems in the content (nothing written), 2 wrong usage."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    BuildOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the PDF.")
    Path output;

    @Option(names = "--thumbnails", paramLabel = "DIR",
            description = "Also write PNG pictures of the cover, the contents and each section's first page to DIR.")
    Path thumbnails;

    @Option(names = "--web",
            description = "Also write the web edition: out/<YYYY-MM>/index.html, one page with its images, fonts and the PDF.")
    boolean web;

    @Option(names = "--email",
            description = "Also write the e-mail edition: out/<YYYY-MM>/email.html and email.txt (and the web edition it links to).")
    boolean email;

    @Option(names = "--repeat", paramLabel = "N", hidden = true, defaultValue = "1",
            description = "Build N times in this process and print each build's milliseconds (for bench/run).")
    int repeat;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BuildRequest request = options.request(output, true).withWeb(web).withEmail(email);
        List<String> refusals = OutputCheck.refusals(request, thumbnails);
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> spec.commandLine().getErr().println("digest: " + r));
            spec.commandLine().getErr().flush();
            return DigestCommand.USAGE;
        }
        BuildResult result = DigestCommand.workspace(spec, request).build(request);
        for (int i = 1; i < repeat && !result.failed(); i++) {
            spec.commandLine().getOut().printf(Locale.ROOT, "build %d: %d ms%n", i, result.millis());
            result = DigestCommand.workspace(spec, request).build(request);
        }
        if (repeat > 1) {
            spec.commandLine().getOut().printf(Locale.ROOT, "build %d: %d ms%n", repeat, result.millis());
        }
        Diagnostics.print(result, spec.commandLine().getErr());
        if (result.failed()) {
            return DigestCommand.CONTENT_ERRORS;
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d pages, %s, %.1f s, %s%n",
                Path.of("").toAbsolutePath().relativize(result.pdf().toAbsolutePath()),
                result.pages(), size(result.bytes()), result.millis() / 1000.0,
                Diagnostics.plural(result.warnings(), "warning"));
        if (result.web() != null) {
            spec.commandLine().getOut().println("web edition: "
                    + Path.of("").toAbsolutePath().relativize(result.web().toAbsolutePath()));
        }
        if (email && result.web() != null) {
            spec.commandLine().getOut().println("e-mail edition: " + Path.of("").toAbsolutePath().relativize(
                    result.web().toAbsolutePath().resolveSibling(org.digestpress.email.EmailEdition.PAGE)));
        }
        if (thumbnails != null) {
            try {
                var files = Thumbnails.write(result.pdf(), thumbnails, 40);
                spec.commandLine().getOut().println("thumbnails: " + files.size() + " pictures in " + thumbnails);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("digest: the thumbnails cannot be written: " + e.getMessage());
                return DigestCommand.CONTENT_ERRORS;
            }
        }
        return DigestCommand.OK;
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }
}
