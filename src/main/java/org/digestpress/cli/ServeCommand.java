package org.digestpress.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.digestpress.BuildRequest;
import org.digestpress.Pipeline;
import org.digestpress.serve.BuildStatus;
import org.digestpress.serve.PreviewServer;
import org.digestpress.serve.ServeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Shows the issue in the browser and rebuilds it on every save.",
                "Serves a page on 127.0.0.1 with the pages of the issue, its contents and the problems of the last "
                        + "build; watches the publication, the templates and the fonts, and refreshes the page.",
                "Answers only requests for 127.0.0.1:PORT or localhost:PORT from its own pages (421 or 403 "
                        + "otherwise), so another site cannot read the unpublished issue.",
                "Endpoints: / (the page), /issue.pdf, /pages/N.png?w=PIXELS, /early.png (the page in view, "
                        + "drawn during the first build), /events (Server-Sent Events: building, build, early), "
                        + "/status.json (with a content hash per page), /source?page=N&x=FX&y=FY (the source "
                        + "file and line printed there), /where?file=PATH&line=N (the page of a source line).",
                "Exit status: 0 stopped with Ctrl-C, 2 wrong usage or the port is taken."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    BuildOptions options;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Option(names = "--editor", paramLabel = "LINK",
            description = {"The link that opens a source file in your editor, with {path}, {line} and {column}, "
                    + "e.g. 'vscode://file/{path}:{line}:{column}'. Problems and clicks on a page then open the "
                    + "file at that line. Default: the environment variable DIGEST_EDITOR."})
    String editor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535.");
        }
        BuildRequest request = options.request(null, true);
        List<Path> watched = new ArrayList<>();
        watched.add(request.publication());
        request.templates().folder().ifPresent(watched::add);
        List<Path> fonts = request.fonts().folder().map(List::of).orElse(List.of());
        watched.addAll(fonts);
        PreviewServer server;
        String link = editor != null ? editor : System.getenv("DIGEST_EDITOR");
        java.io.PrintWriter out = spec.commandLine().getOut();
        RebuildLines lines = new RebuildLines(out);
        try {
            // The address is printed (and the browser opened) as soon as the server listens: the
            // page loads while the first build runs and shows the pages when it is done.
            server = PreviewServer.start(Pipeline.workspace(), request, watched, fonts, port,
                    new ServeSettings(link, lines::print, true, address -> {
                        out.println("Serving at " + address + " (Ctrl-C to stop); building the issue...");
                        out.flush();
                        if (open) {
                            BrowserLauncher.open(address, spec.commandLine().getErr());
                        }
                    }, ServeSettings.keptFolder(System.getenv())));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (BindException e) {
            spec.commandLine().getErr().println("digest: port " + port + " on 127.0.0.1 is in use; stop what uses it "
                    + "or choose another with --port N (--port 0 picks a free one).");
            return DigestCommand.USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("digest: cannot serve: " + e.getMessage());
            return DigestCommand.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            spec.commandLine().getOut().println("Stopped.");
            spec.commandLine().getOut().flush();
            stopped.countDown();
        }, "digest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        BuildStatus status = server.status();
        Diagnostics.print(new org.digestpress.BuildResult(null, 0, 0, 0, status.issue(),
                status.problems().stream().filter(p -> !p.isError()).toList()), spec.commandLine().getErr());
        if (!status.ok()) {
            spec.commandLine().getErr().println(Diagnostics.plural(status.problems().stream()
                    .filter(org.digestpress.problem.Problem::isError).count(), "error")
                    + " in the issue; the page shows them and updates when they are fixed.");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return DigestCommand.OK;
    }
}
