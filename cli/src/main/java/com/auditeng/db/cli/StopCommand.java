package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.config.EmbeddedDatabase;
import com.auditeng.db.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the embedded PostgreSQL now, after any command using it; it otherwise stops by itself "
                + "once unused for --embedded-idle (AUDITENG_EMBEDDED_IDLE, default 5min). Never touches DATABASE_URL.")
final class StopCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Override
    public Integer call() {
        Settings settings = db.settings();
        boolean stopped = EmbeddedDatabase.stop(settings.home(), settings.lockTimeout(), db.notes());
        db.notes().println(stopped ? "note: stopped the embedded PostgreSQL in " + settings.home()
                : "note: no embedded PostgreSQL is running in " + settings.home());
        return ExitCode.OK.number();
    }
}
