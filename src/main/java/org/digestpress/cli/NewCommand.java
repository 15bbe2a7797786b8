package org.digestpress.cli;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Starts a new issue or a new article from the archetypes in templates/archetypes/.",
                "Never overwrites a file. Exit status: 0 made, 1 a bad name, section or title or a folder linked outside "
                        + "the publication (nothing made), 2 wrong usage."},
        subcommands = {NewIssueCommand.class, NewArticleCommand.class})
final class NewCommand implements Runnable {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", scope = CommandLine.ScopeType.INHERIT,
            description = "The publication folder (with publication.yaml). Default: ${DEFAULT-VALUE}.")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Use the archetypes in DIR/archetypes instead of the built-in ones.")
    Path templates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Say what to make: 'digest new issue YYYY-MM' or 'digest new article SECTION \"Title\"'.");
    }
}
