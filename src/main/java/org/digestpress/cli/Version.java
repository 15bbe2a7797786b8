package org.digestpress.cli;

import picocli.CommandLine;

/** Reads the version Maven put into the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"digestpress " + (version == null ? "(development build)" : version)};
    }
}
