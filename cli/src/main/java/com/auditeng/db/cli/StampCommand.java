package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = "Record TARGET as the applied revision without running any revision "
                + "(for a database whose schema was built another way).")
final class StampCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "TARGET", description = "head, base, a revision NNNN, +N or -N.")
    private String target;

    @Override
    public Integer call() {
        Target to = Target.parse(target);
        String at = db.runner().stamp(to).map(Object::toString).orElse("base");
        db.notes().println("note: stamped the database at " + at + "; no revision was run");
        return ExitCode.OK.number();
    }
}
