package com.auditeng.db.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the packaged jar, for {@code --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = AuditengCommand.class.getPackage().getImplementationVersion();
        return new String[] {"auditeng " + (version == null ? "(development build)" : version)};
    }
}
