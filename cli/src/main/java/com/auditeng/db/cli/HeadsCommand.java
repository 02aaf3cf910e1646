package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Print the newest revision as 'NNNN (head)'; needs no database.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = "--json", description = "Print {\"heads\": [\"NNNN\"]} (empty when there is no revision).")
    private boolean json;

    @Override
    public Integer call() {
        if (json) {
            JsonOutput.print(db.out(), Map.of("heads",
                    db.revisions().head().map(head -> List.of(head.id().toString())).orElse(List.of())));
            return ExitCode.OK.number();
        }
        db.revisions().head().ifPresentOrElse(
                head -> db.out().println(head.id() + " (head)"),
                () -> db.notes().println("note: no revisions in " + db.revisions().location()));
        return ExitCode.OK.number();
    }
}
