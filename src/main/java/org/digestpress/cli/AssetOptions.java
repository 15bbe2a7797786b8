package org.digestpress.cli;

import java.nio.file.Path;

import org.digestpress.assets.Assets;
import picocli.CommandLine.Option;

/** {@code --templates} and the hidden {@code --fonts}: every command that typesets takes them. */
final class AssetOptions {

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Use the FreeMarker layouts, stylesheet and labels in DIR instead of the built-in ones.")
    Path templates;

    @Option(names = "--fonts", paramLabel = "DIR", hidden = true,
            description = "Use the TrueType fonts in DIR instead of the built-in ones.")
    Path fonts;

    Assets templates() {
        return BuildOptions.assets(templates, "templates");
    }

    Assets fonts() {
        return BuildOptions.assets(fonts, "fonts");
    }
}
