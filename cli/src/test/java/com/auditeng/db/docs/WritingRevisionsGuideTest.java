package com.auditeng.db.docs;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.cli.Cli;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/writing-revisions.md, applied on top of the real revisions and rolled back. */
class WritingRevisionsGuideTest {
    private static final Pattern EXAMPLE = Pattern.compile("```yaml\\n# file: (\\S+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path folder;

    @Test
    void everyExampleAppliesAndRollsBack() throws Exception {
        Files.copy(Path.of("../migrate/src/main/resources/db/migrations/0001_initial_schema.yaml"),
                folder.resolve("0001_initial_schema.yaml"));
        List<String> names = new ArrayList<>();
        Matcher example = EXAMPLE.matcher(Files.readString(Path.of("../docs/writing-revisions.md")));
        while (example.find()) {
            names.add(example.group(1));
            Files.writeString(folder.resolve(example.group(1)), example.group(2));
        }
        DatabaseUrl url = TestDatabase.fresh();
        Catalog db = new Catalog(url);
        Cli cli = Cli.on(url.redacted(), folder);
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO users (id, email, hashed_password) VALUES ('00000000-0000-7000-8000-000000000001', "
                + "'a@example.com', 'x')");
        db.execute("INSERT INTO tasks (id, user_id, original_filename, file_size) VALUES "
                + "('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'r.pdf', 1)");
        db.execute("INSERT INTO analyses (id, task_id, equipment_type, test_type) VALUES "
                + "('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000002', 'UPS', 'FAT')");
        db.execute("INSERT INTO findings (id, analysis_id, severity, rule_id, message) VALUES (gen_random_uuid(), "
                + "'00000000-0000-7000-8000-000000000003', 'MAJOR', 'GND-01', 'm')");

        CliResult up = cli.run("db", "upgrade");

        assertThat(names).hasSizeGreaterThanOrEqualTo(4);
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stdout().lines()).hasSize(names.size());
        assertThat(db.rows("SELECT rule_family FROM findings")).containsExactly("GND");
        assertThat(db.rows("SELECT priority FROM tasks")).containsExactly("0");

        CliResult down = cli.run("db", "downgrade", "0001", "--allow-data-loss");

        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(db.columns()).noneMatch(column -> column.contains("priority") || column.contains("rule_family")
                || column.contains("reviewer_id"));
        assertThat(db.indexes()).noneMatch(index -> index.startsWith("ix_findings_rule_id"));
    }
}
