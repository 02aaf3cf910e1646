package com.auditeng.db.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The java.util.logging configuration of a command: library logs (Liquibase, Hibernate, the drivers, the embedded
 * server) only from SEVERE up, on stderr. Named in {@code java.util.logging.config.class}, it is applied when the
 * first library asks for a logger, so a command that logs nothing never pays for setting logging up.
 */
public final class QuietLogging {
    public QuietLogging() throws IOException {
        String configuration = "handlers=java.util.logging.ConsoleHandler\n"
                + ".level=SEVERE\n"
                + "java.util.logging.ConsoleHandler.level=SEVERE\n";
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(configuration.getBytes(StandardCharsets.UTF_8)));
    }
}
