package org.digestpress.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.digestpress.daemon.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The hidden {@code digest engine}: what the launcher starts in the background (see {@link Engine}). */
@Command(name = "engine", hidden = true, description = "Runs a resident engine (started by the digest launcher).")
final class EngineCommand implements Callable<Integer> {

    @Option(names = "--address", required = true, paramLabel = "FILE")
    Path address;

    @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "600")
    long idle;

    @Option(names = "--warm-up", paramLabel = "BUILDS", defaultValue = "2")
    int warmUp;

    @Override
    public Integer call() {
        return Engine.run(address, idle, warmUp, DigestCommand::execute);
    }
}
