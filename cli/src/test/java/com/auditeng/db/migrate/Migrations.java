package com.auditeng.db.migrate;

import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

/** The real revisions of this repository, applied to a test database. */
public final class Migrations {
    public static final Path FOLDER = Path.of("../migrate/src/main/resources/db/migrations");

    private Migrations() {
    }

    public static MigrationRunner runner(DatabaseUrl url) {
        return runner(url, FOLDER);
    }

    public static MigrationRunner runner(DatabaseUrl url, Path folder) {
        return new MigrationRunner(new DatabaseConnector(url), Revisions.load(folder), new RevisionCompiler(),
                Duration.ofSeconds(30), new PrintWriter(new StringWriter()));
    }

    public static void upgradeToHead(DatabaseUrl url) {
        runner(url).upgrade(Target.parse("head"), applied -> { });
    }
}
