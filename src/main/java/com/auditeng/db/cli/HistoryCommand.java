package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the revisions oldest first, as 'NNNN  message', marking (current) and (head).")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Override
    public Integer call() {
        MigrationRunner runner = db.runner();
        Optional<RevisionId> current = runner.current();
        for (RevisionFile file : runner.revisions().all()) {
            StringBuilder line = new StringBuilder(file.id() + "  " + file.message());
            if (current.isPresent() && current.get().equals(file.id())) {
                line.append(" (current)");
            }
            if (runner.revisions().isHead(file.id())) {
                line.append(" (head)");
            }
            db.out().println(line);
        }
        return ExitCode.OK.number();
    }
}
