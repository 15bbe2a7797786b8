package org.digestpress.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.digestpress.BuildResult;
import org.digestpress.archetype.Archetypes;
import org.digestpress.problem.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "article", mixinStandardHelpOptions = true,
        description = {"Writes <newest issue>/SECTION/NN-slug.md and prints its path: NN the next free number, "
                + "slug the title in Latin letters (ICAO Doc 9303, as in Russian passports), front matter with "
                + "title, today's date and draft: true, every other key commented with a hint."})
final class NewArticleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SECTION", description = "A section id of publication.yaml, e.g. events.")
    String section;

    @Parameters(index = "1", paramLabel = "TITLE", description = "The article's title, in quotes.")
    String title;

    @CommandLine.ParentCommand
    NewCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Problems problems = new Problems();
        Path file = new Archetypes(BuildOptions.assets(parent.templates, "templates"))
                .newArticle(parent.content, section, title, LocalDate.now(), problems);
        Diagnostics.print(new BuildResult(null, 0, 0, 0, null, problems.all()), spec.commandLine().getErr(), false);
        if (file == null) {
            return DigestCommand.CONTENT_ERRORS;
        }
        spec.commandLine().getOut().println(shown(file, Path.of("").toAbsolutePath()));
        return DigestCommand.OK;
    }

    static String shown(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
