package org.digestpress.cli;

import org.digestpress.pdf.Producer;
import picocli.CommandLine;

/** The release version and the code's identity: the same string as the PDF's Producer. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Producer.name()};
    }
}
