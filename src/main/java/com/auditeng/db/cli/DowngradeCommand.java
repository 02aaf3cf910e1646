package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = "Revert revisions down to TARGET, newest first, each in one transaction; prints each revision reverted.")
final class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "TARGET",
            description = "base (no revision), a revision NNNN to stay at, or -N revisions below the current one.")
    private String target;

    @Override
    public Integer call() {
        Target to = Target.parse(target);
        MigrationRunner runner = db.runner();
        List<RevisionFile> reverted = runner.downgrade(to, file -> db.out().println(file.id() + "  " + file.message()));
        if (reverted.isEmpty()) {
            db.err().println("note: nothing to downgrade; the database is at "
                    + runner.current().map(Object::toString).orElse("base"));
        }
        return ExitCode.OK.number();
    }
}
