package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process against one database, capturing both streams. */
public final class Cli {
    private final List<String> globalArgs;

    private Cli(List<String> globalArgs) {
        this.globalArgs = globalArgs;
    }

    public static Cli on(String databaseUrl) {
        return new Cli(List.of("--database-url", databaseUrl, "--scratch-url", scratchServer()));
    }

    public static Cli on(String databaseUrl, Path migrations) {
        return new Cli(List.of("--database-url", databaseUrl, "--migrations", migrations.toString(),
                "--scratch-url", scratchServer()));
    }

    /** Scratch databases go to the server the tests share, rather than to an embedded server started per command. */
    private static String scratchServer() {
        return TestDatabase.serverUrl().redacted();
    }

    public CliResult run(String... args) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs {@code args} with no database added, making scratch databases on the server the tests share. */
    public static CliResult runShared(String... args) {
        List<String> all = new ArrayList<>(List.of("--scratch-url", scratchServer()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs exactly {@code args}, with no database or folder added. */
    public static CliResult runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
