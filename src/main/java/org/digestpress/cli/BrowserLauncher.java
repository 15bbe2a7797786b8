package org.digestpress.cli;

import java.io.PrintWriter;
import java.net.URI;

/** Opens a page in the user's browser, for {@code serve --open}; failing that, says where to go. */
final class BrowserLauncher {

    private BrowserLauncher() {
    }

    static void open(URI page, PrintWriter err) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(page);
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String[] command = os.contains("mac") ? new String[] {"open", page.toString()}
                    : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", page.toString()}
                    : new String[] {"xdg-open", page.toString()};
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (Exception e) {
            err.println("digest: could not open a browser; open " + page + " yourself.");
            err.flush();
        }
    }
}
