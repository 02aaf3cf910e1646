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

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Apply revisions up to TARGET, each in one transaction; prints each revision applied.")
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "head",
            description = "head (default), a revision NNNN, or +N revisions above the current one.")
    private String target;

    @Override
    public Integer call() {
        Target to = Target.parse(target);
        MigrationRunner runner = db.runner();
        List<RevisionFile> applied = runner.upgrade(to, file -> db.out().println(file.id() + "  " + file.message()));
        if (applied.isEmpty()) {
            db.err().println("note: nothing to upgrade; the database is at "
                    + runner.current().map(Object::toString).orElse("base"));
        }
        return ExitCode.OK.number();
    }
}
