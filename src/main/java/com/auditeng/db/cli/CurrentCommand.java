package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Print the applied revision: NNNN (head) at head, NNNN below it, nothing when none is applied.")
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Override
    public Integer call() {
        MigrationRunner runner = db.runner();
        Optional<RevisionId> current = runner.current();
        current.ifPresent(id -> db.out().println(id + (runner.revisions().isHead(id) ? " (head)" : "")));
        return ExitCode.OK.number();
    }
}
