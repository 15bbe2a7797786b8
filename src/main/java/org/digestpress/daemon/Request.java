package org.digestpress.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client asks, as the launcher writes it with {@code printf '%s\0'}: fields ended by NUL
 * (an argument may hold any character but NUL, as on a command line). First the protocol name and
 * the token, then the kind: {@code run} (followed by the working folder, whether standard input and
 * output are terminals, the environment that matters as {@code NAME=value}, and the arguments,
 * each list preceded by its length), {@code status} or {@code stop}.
 *
 * @param kind   run, status or stop
 * @param folder the client's working folder (physical, as {@code pwd -P})
 * @param tty    whether the client's standard input and output are both terminals
 * @param env    the client's values of the variables that matter per command
 * @param args   the command line after {@code digest}
 */
record Request(String kind, String folder, boolean tty, Map<String, String> env, List<String> args) {

    static final String PROTOCOL = "digestpress-engine-1";
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COUNT = 10_000;

    /** Thrown when the client does not present this engine's token: the connection is closed unanswered. */
    static final class Refused extends IOException {
        Refused(String why) {
            super(why);
        }
    }

    static Request read(InputStream in, String token) throws IOException {
        if (!PROTOCOL.equals(field(in))) {
            throw new Refused("not a digestpress client");
        }
        // compared in constant time, so the answer's timing tells nothing about the secret
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                field(in).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("wrong token");
        }
        String kind = field(in);
        if (!"run".equals(kind)) {
            return new Request(kind, null, false, Map.of(), List.of());
        }
        String folder = field(in);
        boolean tty = "1".equals(field(in));
        Map<String, String> env = new TreeMap<>();
        for (String pair : list(in)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Request(kind, folder, tty, env, list(in));
    }

    private static List<String> list(InputStream in) throws IOException {
        int count;
        try {
            count = Integer.parseInt(field(in));
        } catch (NumberFormatException e) {
            throw new IOException("a count is not a number");
        }
        if (count < 0 || count > MAX_COUNT) {
            throw new IOException("too many fields");
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(field(in));
        }
        return values;
    }

    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the request ended early");
            }
            if (bytes.size() >= MAX_FIELD) {
                throw new IOException("a field is too long");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
