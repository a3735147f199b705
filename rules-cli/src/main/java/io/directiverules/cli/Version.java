package io.directiverules.cli;

import picocli.CommandLine;

/** The version picocli prints for {@code --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"directive-rules " + (version == null ? "(development build)" : version)};
    }
}
