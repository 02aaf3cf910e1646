package com.auditeng.db;

/** A bad or unreachable DATABASE_URL, or a missing migrations folder. */
public final class ConfigurationException extends AuditengException {
    public ConfigurationException(String message) {
        super(message, null);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.CONFIGURATION;
    }
}
