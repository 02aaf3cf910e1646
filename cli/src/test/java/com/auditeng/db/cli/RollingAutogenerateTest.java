package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autogenerate on tables that hold rows: the safe forms, split into an expand and a contract revision, applied
 * phase by phase and rolled back.
 */
class RollingAutogenerateTest {
    private static final String FIXTURES = "com.auditeng.db.autogen.fixture.";

    @TempDir
    Path migrations;
    private DatabaseUrl url;
    private Catalog db;
    private Cli cli;

    @BeforeEach
    void booksWithRowsAtTheBaseRevision() throws Exception {
        revision("-m", "base", "base");
        url = TestDatabase.fresh();
        db = new Catalog(url);
        cli = Cli.on(url.redacted(), migrations);
        assertThat(cli.run("db", "upgrade").exitCode()).isZero();
        db.execute("INSERT INTO authors (id, name) VALUES ('00000000-0000-7000-8000-000000000001', 'Ada'); "
                + "INSERT INTO books (id, author_id, title, pages) VALUES (gen_random_uuid(), "
                + "'00000000-0000-7000-8000-000000000001', 'Notes', 10), (gen_random_uuid(), "
                + "'00000000-0000-7000-8000-000000000001', 'Letters', 20)");
    }

    @Test
    void aNotNullOnAnExistingColumnTakesTheCheckRouteAcrossExpandAndContract() throws Exception {
        CliResult written = revision("-m", "pages required", "nullability");

        String expand = Files.readString(migrations.resolve("0002_pages_required.yaml"));
        String contract = Files.readString(migrations.resolve("0003_pages_required_contract.yaml"));
        CliResult expanded = cli.run("db", "upgrade", "--phase", "expand");
        boolean nullableAfterExpand = db.columns().contains("books.pages integer null");
        CliResult contracted = cli.run("db", "upgrade");

        assertThat(written.exitCode()).as(written.stderr()).isZero();
        assertThat(expand).contains("labels: expand", "CHECK (pages IS NOT NULL) NOT VALID");
        assertThat(contract).contains("labels: contract", "VALIDATE CONSTRAINT ck_books_pages_not_null",
                "addNotNullConstraint", "DROP CONSTRAINT ck_books_pages_not_null");
        assertThat(expanded.exitCode()).as(expanded.stderr()).isZero();
        assertThat(expanded.stdout()).isEqualTo("0002  pages required\n");
        assertThat(expanded.stderr()).doesNotContain("warning");
        assertThat(nullableAfterExpand).isTrue();
        assertThat(contracted.exitCode()).as(contracted.stderr()).isZero();
        assertThat(db.columns()).contains("books.pages integer not null");
        assertThat(db.constraints()).noneMatch(constraint -> constraint.contains("ck_books_pages_not_null"));
        assertThat(cli.run("db", "downgrade", "0001").exitCode()).isZero();
        assertThat(db.columns()).contains("books.pages integer null");
        assertThat(db.rows("SELECT count(*) FROM books")).containsExactly("2");
    }

    @Test
    void aForeignKeyOnAnExistingTableIsAddedNotValidAndValidatedInTheContract() throws Exception {
        revision("-m", "editor", "foreignkey");

        String expand = Files.readString(migrations.resolve("0002_editor.yaml"));
        String contract = Files.readString(migrations.resolve("0003_editor_contract.yaml"));
        CliResult expanded = cli.run("db", "upgrade", "--phase", "expand");
        String validatedAfterExpand = String.join(",", db.rows(
                "SELECT conname || ':' || convalidated FROM pg_constraint WHERE contype = 'f' ORDER BY 1"));
        CliResult contracted = cli.run("db", "upgrade");

        assertThat(expand).contains("labels: expand", "NOT VALID");
        assertThat(contract).contains("labels: contract", "VALIDATE CONSTRAINT");
        assertThat(expanded.exitCode()).as(expanded.stderr()).isZero();
        assertThat(validatedAfterExpand).contains(":false");
        assertThat(contracted.exitCode()).as(contracted.stderr()).isZero();
        assertThat(db.rows("SELECT bool_and(convalidated)::text FROM pg_constraint WHERE contype = 'f'"))
                .containsExactly("true");
        assertThat(cli.run("db", "downgrade", "0001").exitCode()).isZero();
    }

    @Test
    void aUniqueConstraintOnAnExistingTableIsAnIndexBuiltConcurrentlyThenAttachedInTheContract() {
        revision("-m", "unique titles", "index");

        CliResult expanded = cli.run("db", "upgrade", "--phase", "expand");
        CliResult contracted = cli.run("db", "upgrade");

        assertThat(expanded.exitCode()).as(expanded.stderr()).isZero();
        assertThat(expanded.stdout()).isEqualTo("0002  unique titles\n0003  unique titles indexes\n");
        assertThat(contracted.stdout()).isEqualTo("0004  unique titles contract\n");
        assertThat(db.constraints()).anyMatch(constraint -> constraint.startsWith("uq_books_author_id_title u on books"));
        assertThat(cli.run("db", "downgrade", "0001").exitCode()).isZero();
        assertThat(db.rows("SELECT count(*) FROM books")).containsExactly("2");
    }

    private CliResult revision(String message, String text, String model) {
        return Cli.runShared("--migrations", migrations.toString(), "db", "revision", "--autogenerate", message, text,
                "--model", FIXTURES + model);
    }
}
