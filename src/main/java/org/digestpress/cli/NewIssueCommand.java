package org.digestpress.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestpress.BuildResult;
import org.digestpress.archetype.Archetypes;
import org.digestpress.problem.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Makes the folder of a new issue: issue.yaml (number = the previous issue's + 1) and "
                + "one folder per section of publication.yaml."})
final class NewIssueCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "YYYY-MM", description = "The issue's year and month, e.g. 2025-07.")
    String name;

    @CommandLine.ParentCommand
    NewCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Problems problems = new Problems();
        List<Path> made = new Archetypes(BuildOptions.assets(parent.templates, "templates"))
                .newIssue(parent.content, name, problems);
        Diagnostics.print(new BuildResult(null, 0, 0, 0, name, problems.all()), spec.commandLine().getErr(), false);
        if (problems.hasErrors() || made.isEmpty()) {
            return DigestCommand.CONTENT_ERRORS;
        }
        Path base = Path.of("").toAbsolutePath();
        for (Path p : made) {
            spec.commandLine().getOut().println(NewArticleCommand.shown(p, base));
        }
        return DigestCommand.OK;
    }
}
