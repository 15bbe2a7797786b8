package org.digestpress.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code digest daemon status} and {@code digest daemon stop}: every engine of this user, found by
 * its address file in the runtime folder and asked over its socket with its token. An address
 * file nobody answers at is left over from an engine that was killed: it is removed.
 */
public final class EngineControl {

    private EngineControl() {
    }

    /** @return the exit status: 0, or 2 when the runtime folder is not trusted */
    public static int status(Map<String, String> env, PrintWriter out, PrintWriter err) {
        return each(env, out, err, "status");
    }

    public static int stop(Map<String, String> env, PrintWriter out, PrintWriter err) {
        return each(env, out, err, "stop");
    }

    private static int each(Map<String, String> env, PrintWriter out, PrintWriter err, String kind) {
        Path folder = RuntimeFolder.of(env);
        if (!Files.exists(folder)) {
            out.println("No engine is running (" + folder + " does not exist).");
            return 0;
        }
        var distrust = RuntimeFolder.distrust(folder);
        if (distrust.isPresent()) {
            err.println("digest: the engines' folder is not private: " + distrust.get() + "; not using it.");
            return 2;
        }
        int answered = 0;
        for (EngineAddress address : EngineAddress.all(folder)) {
            List<String> lines = ask(address, kind);
            if (lines == null) {
                try {
                    Files.deleteIfExists(address.file());
                } catch (IOException e) {
                    // left for the next look
                }
                continue;
            }
            answered++;
            if (kind.equals("stop")) {
                out.println("Stopped the engine with pid " + address.pid() + ".");
            } else {
                lines.forEach(out::println);
            }
        }
        if (answered == 0) {
            out.println("No engine is running.");
        }
        out.flush();
        return 0;
    }

    /** The engine's lines, or null when nobody answers. */
    private static List<String> ask(EngineAddress address, String kind) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()), 2000);
            socket.setSoTimeout(10_000);
            OutputStream request = socket.getOutputStream();
            request.write((Request.PROTOCOL + "\0" + address.token() + "\0" + kind + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            request.flush();
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            if (!("k" + address.answer()).equals(answer.readLine())) {
                return null; // not our engine: something else took its port
            }
            List<String> lines = new ArrayList<>();
            for (String line = answer.readLine(); line != null; line = answer.readLine()) {
                if (line.startsWith("x")) {
                    return lines;
                }
                if (line.startsWith("o")) {
                    lines.add(line.substring(1));
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
