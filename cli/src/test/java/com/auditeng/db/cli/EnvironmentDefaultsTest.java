package com.auditeng.db.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The variables are keyed by flag: a flag renamed without its key would silently lose its variable. */
class EnvironmentDefaultsTest {
    @Test
    void everyVariableNamesAnOptionOfTheRootCommand() {
        CommandLine root = new CommandLine(new AuditengCommand(new Workspace()));

        assertThat(root.getCommandSpec().optionsMap()).containsKeys(
                EnvironmentDefaults.VARIABLES.keySet().toArray(String[]::new));
    }
}
