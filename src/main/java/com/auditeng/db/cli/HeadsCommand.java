package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Print the newest revision as 'NNNN (head)'; needs no database.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Override
    public Integer call() {
        db.revisions().head().ifPresentOrElse(
                head -> db.out().println(head.id() + " (head)"),
                () -> db.err().println("note: no revisions in " + db.revisions().location()));
        return ExitCode.OK.number();
    }
}
