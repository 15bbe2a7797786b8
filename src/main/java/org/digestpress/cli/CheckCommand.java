package org.digestpress.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.digestpress.BuildRequest;
import org.digestpress.BuildResult;
import org.digestpress.OutputCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks an issue without writing a PDF: every problem, with file and line.",
                "Exit status: 0 no errors, 1 problems in the content, 2 wrong usage."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    BuildOptions options;

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"text (default): diagnostics like a compiler's on stderr;",
                    "json: one JSON object per problem on stdout ({\"file\",\"line\",\"column\",\"severity\",\"message\"}), "
                            + "for CI annotations."})
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BuildRequest request = options.request(null, false);
        List<String> refusals = OutputCheck.refusals(request, null);
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> spec.commandLine().getErr().println("digest: " + r));
            spec.commandLine().getErr().flush();
            return DigestCommand.USAGE;
        }
        BuildResult result = DigestCommand.workspace(spec, request).build(request);
        if (format == Format.json) {
            Path base = Path.of("").toAbsolutePath();
            result.problems().forEach(p -> spec.commandLine().getOut().println(p.toJson(base)));
            spec.commandLine().getOut().flush();
            return result.failed() ? DigestCommand.CONTENT_ERRORS : DigestCommand.OK;
        }
        Diagnostics.print(result, spec.commandLine().getErr());
        if (result.failed()) {
            return DigestCommand.CONTENT_ERRORS;
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: no errors, %s%n", result.issueName(),
                Diagnostics.plural(result.warnings(), "warning"));
        return DigestCommand.OK;
    }
}
