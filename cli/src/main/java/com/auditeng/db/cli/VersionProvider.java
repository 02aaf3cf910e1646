package com.auditeng.db.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the packaged jar, for {@code --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {version()};
    }

    static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return "auditeng " + (version == null ? "(development build)" : version);
    }
}
