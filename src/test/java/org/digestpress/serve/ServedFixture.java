package org.digestpress.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.digestpress.BuildRequest;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.engine.WorkspaceTest;
import org.digestpress.assets.Assets;

/** The fixture publication copied to a temporary folder, and what {@code digest serve} builds of it. */
final class ServedFixture {

    private ServedFixture() {
    }

    /** Copies the fixture to {@code temp/publication}. */
    static Path copy(Path temp) throws IOException {
        return WorkspaceTest.copy(BuiltIssue.FIXTURE, temp.resolve("publication"));
    }

    /** The newest issue of {@code publication} with the repository's templates and fonts, as serve asks for it. */
    static BuildRequest request(Path publication) {
        return new BuildRequest(publication, null, null, false, true,
                Assets.directory(BuiltIssue.REPO.resolve("templates")), Assets.directory(BuiltIssue.REPO.resolve("fonts")));
    }

    /** Serves {@code publication} as it is, watching it, on a free port. */
    static PreviewServer serve(Path publication) throws IOException {
        return PreviewServer.start(BuildRunner.of(Pipeline.workspace()), request(publication),
                List.of(publication), List.of(), 0, HttpListener.Limits.DEFAULT);
    }

    /** The server's /status.json. */
    static String status(PreviewServer server) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.address().resolve("/status.json")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Serves a fresh copy of the fixture, watching it, on a free port. */
    static PreviewServer serve(Path temp, HttpListener.Limits limits) throws IOException {
        Path publication = copy(temp);
        return PreviewServer.start(BuildRunner.of(Pipeline.workspace()), request(publication),
                List.of(publication), List.of(), 0, limits);
    }
}
