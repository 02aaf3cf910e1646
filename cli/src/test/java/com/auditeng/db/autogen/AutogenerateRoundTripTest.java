package com.auditeng.db.autogen;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.autogen.fixture.addtable.Review;
import com.auditeng.db.autogen.fixture.base.Author;
import com.auditeng.db.autogen.fixture.base.Book;
import com.auditeng.db.autogen.fixture.quoting.Shelf;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For each kind of change: a revision generated from the fixture models applies to a real PostgreSQL, rolls back
 * to an identical catalog, applies again, and leaves nothing for check to report.
 */
class AutogenerateRoundTripTest {
    private static final List<Class<?>> BASE = List.of(Author.class, Book.class);

    @TempDir
    Path migrations;

    private RoundTrip roundTrip;

    @BeforeEach
    void baseRevision() {
        roundTrip = new RoundTrip(migrations);
        roundTrip.generate("base", BASE);
    }

    @Test
    void theBaseModelRevisionCreatesTablesBeforeTheirForeignKeysAndRollsBackToNothing() {
        String revision = read("0001_base.yaml");

        assertThat(revision.indexOf("createTable:\n            tableName: authors"))
                .isLessThan(revision.indexOf("addForeignKeyConstraint"));
        assertThat(revision).contains("primaryKeyName: pk_books", "onDelete: CASCADE", "indexName: ix_books_title",
                "ADD CONSTRAINT ck_books_title CHECK (length(title) > 0)");
        assertThat(revision).contains("ADD CONSTRAINT ck_books_format CHECK (format in ('PAPER','EBOOK'))");
        roundTrip.assertRoundTrip(TestDatabase.fresh(), BASE);
    }

    @Test
    void addingATableCreatesItWithConventionalNamesAndItsForeignKeyLast() {
        List<Class<?>> model = List.of(Author.class, Book.class, Review.class);

        String revision = roundTrip.generate("add reviews", model);

        assertThat(revision).contains("tableName: reviews", "primaryKeyName: pk_reviews",
                "indexName: ix_reviews_book_id",
                "constraintName: fk_reviews_book_id_books", "rollback:\n        - dropTable: {tableName: reviews}");
        assertThat(revision.indexOf("createTable")).isLessThan(revision.indexOf("addForeignKeyConstraint"));
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void droppingATableDropsItsForeignKeysFirstAndIsMarkedDestructive() {
        List<Class<?>> model = List.of(Author.class);

        String revision = roundTrip.generate("drop books", model);

        assertThat(revision).contains("# DESTRUCTIVE: drops table books", "dropTable: {tableName: books}");
        assertThat(revision.indexOf("dropForeignKeyConstraint")).isLessThan(revision.indexOf("dropTable"));
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void addingColumnsWithAndWithoutADefaultRollsBack() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.addcolumn.Book.class);

        String revision = roundTrip.generate("add isbn and in print", model);

        assertThat(revision).contains("addColumn:", "name: isbn, type: \"VARCHAR(20)\"",
                "name: in_print, type: BOOLEAN, defaultValueComputed: \"true\", constraints: {nullable: false}",
                "dropColumn: {tableName: books, columnName: isbn}");
        assertThat(revision).doesNotContain("# DESTRUCTIVE:");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void droppingAColumnIsMarkedDestructiveAndItsRollbackRestoresIt() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.dropcolumn.Book.class);

        String revision = roundTrip.generate("drop pages", model);

        assertThat(revision).contains("# DESTRUCTIVE: drops column books.pages",
                "- dropColumn: {tableName: books, columnName: pages}", "name: pages, type: INTEGER");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void aWideningTypeChangeIsPlainANarrowingOneIsMarkedAndADefaultIsSetAgainAfterIt() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.typechange.Book.class);

        String revision = roundTrip.generate("longer titles, small pages", model);

        assertThat(revision).contains("columnName: title, newDataType: \"VARCHAR(300)\"",
                "columnName: title, newDataType: \"VARCHAR(200)\"", "columnName: pages, newDataType: SMALLINT",
                "# DESTRUCTIVE: narrows books.pages from integer to smallint");
        assertThat(revision).doesNotContain("narrows books.title");
        int typeChange = revision.indexOf("columnName: created_at, newDataType: TIMESTAMP");
        assertThat(revision.indexOf("dropDefaultValue: {tableName: books, columnName: created_at}"))
                .isPositive().isLessThan(typeChange);
        assertThat(revision.indexOf("changes:\n        - addDefaultValue: {tableName: books, columnName: created_at"))
                .isGreaterThan(typeChange);
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void nullabilityChangesBothWaysRollBack() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.nullability.Book.class);

        String revision = roundTrip.generate("nullability", model);

        assertThat(revision).contains("- dropNotNullConstraint: {tableName: books, columnName: title}",
                "- addNotNullConstraint: {tableName: books, columnName: pages}");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void serverDefaultsAreSetAndDroppedAndRestoredOnRollback() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.serverdefault.Book.class);

        String revision = roundTrip.generate("defaults", model);

        assertThat(revision).contains(
                "addDefaultValue: {tableName: books, columnName: pages, defaultValueComputed: \"0\"}",
                "addDefaultValue: {tableName: books, columnName: format, defaultValueComputed: \"'PAPER'\"}",
                "dropDefaultValue: {tableName: books, columnName: created_at}",
                "addDefaultValue: {tableName: books, columnName: created_at, defaultValueComputed: \"now()\"}");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void indexesUniqueIndexesAndUniqueConstraintsAreAddedAndDroppedWithConventionalNames() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.index.Book.class);

        String revision = roundTrip.generate("indexes", model);

        assertThat(revision).contains("dropIndex: {tableName: books, indexName: ix_books_title}",
                "indexName: ix_books_title_pages", "indexName: ix_books_pages\n            unique: true",
                "addUniqueConstraint: {tableName: books, columnNames: \"author_id, title\", "
                        + "constraintName: uq_books_author_id_title}");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void aForeignKeyWhoseOnDeleteRuleChangesIsReplacedAndANewOneGetsTheConventionalName() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.foreignkey.Book.class);

        String revision = roundTrip.generate("foreign keys", model);

        assertThat(revision).contains("dropForeignKeyConstraint: {baseTableName: books, "
                        + "constraintName: fk_books_author_id_authors}",
                "constraintName: fk_books_author_id_authors, referencedTableName: authors, referencedColumnNames: id, "
                        + "onDelete: \"NO ACTION\"",
                "constraintName: fk_books_editor_id_authors, referencedTableName: authors, referencedColumnNames: id, "
                        + "onDelete: \"SET NULL\"");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void checkConstraintsAreAddedReplacedAndRestoredOnRollback() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.check.Book.class);

        String revision = roundTrip.generate("checks", model);

        assertThat(revision).contains("ALTER TABLE books DROP CONSTRAINT ck_books_title",
                "ADD CONSTRAINT ck_books_title CHECK (length(title) > 1)",
                "ADD CONSTRAINT ck_books_pages CHECK (pages > 0)");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void aNewEnumConstantReplacesItsCheckAndVerifyAcceptsTheRollbackThatRestoresTheOldOneFromItsPrintout() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.enumvalue.Book.class);

        String revision = roundTrip.generate("audio books", model);

        assertThat(revision).contains("ALTER TABLE books DROP CONSTRAINT ck_books_format",
                "ADD CONSTRAINT ck_books_format CHECK (format in ('PAPER','EBOOK','AUDIO'))",
                "ADD CONSTRAINT ck_books_format CHECK ((((format)::text = ANY ((ARRAY['PAPER'::character varying");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
        assertThat(roundTrip.verify(model)).isEmpty();
    }

    @Test
    void aTypeChangeOfAColumnACheckMentionsLeavesNothingForCheckToReportAfterIt() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.checkedtype.Book.class);

        String revision = roundTrip.generate("longer formats", model);

        assertThat(revision).contains("columnName: format, newDataType: \"VARCHAR(40)\"")
                .doesNotContain("ck_books_format");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
        assertThat(roundTrip.verify(model)).isEmpty();
    }

    @Test
    void aCheckWrittenAnotherWayThatMeansTheSameIsNoChange() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.respelledcheck.Book.class);

        assertThat(roundTrip.plan(model).changes()).isEmpty();
    }

    @Test
    void indexColumnsKeepTheirOrderAndNullsPlacementInTheRevisionInCheckAndThroughTheRollback() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.descindex.Book.class);

        String revision = roundTrip.generate("descending", model);

        assertThat(revision).contains("dropIndex: {tableName: books, indexName: ix_books_title}",
                "- column: {name: \"title DESC\", computed: true}",
                        "- column: {name: \"pages NULLS FIRST\", computed: true}",
                "- column: {name: \"created_at DESC NULLS LAST\", computed: true}");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
        assertThat(roundTrip.plan(BASE).changes()).extracting(change -> change.describe("the revisions", "the model"))
                .contains("books.title: index ix_books_title (title DESC) in the revisions, not in the model",
                        "books.title: index ix_books_title (title) in the model, not in the revisions");
    }

    @Test
    void aHintedColumnRenameKeepsTheRowsAndRenamesTheIndexAndCheckThatFollowIt() throws SQLException {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.renamecolumn.Book.class);
        String revision = roundTrip.generate("title is heading", model, RenameHint.parse("books.title=heading"));
        DatabaseUrl url = roundTrip.databaseBelowHead();
        execute(url, "INSERT INTO authors (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'Ada')",
                "INSERT INTO books (id, author_id, title) VALUES ('00000000-0000-0000-0000-000000000002', "
                        + "'00000000-0000-0000-0000-000000000001', 'Notes')");

        roundTrip.assertRoundTrip(url, model);

        assertThat(revision).contains("renameColumn: {tableName: books, oldColumnName: title, newColumnName: heading}",
                "ALTER INDEX ix_books_title RENAME TO ix_books_heading",
                "ALTER TABLE books RENAME CONSTRAINT ck_books_title TO ck_books_heading");
        assertThat(revision).doesNotContain("dropColumn", "# DESTRUCTIVE:");
        assertThat(queryOne(url, "SELECT heading FROM books")).isEqualTo("Notes");
    }

    @Test
    void aHintedTableRenameKeepsTheRowsAndRenamesItsKeyForeignKeyIndexesAndCheck() throws SQLException {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.renametable.Book.class);
        String revision = roundTrip.generate("books are volumes", model, RenameHint.parse("books=volumes"));
        DatabaseUrl url = roundTrip.databaseBelowHead();
        execute(url, "INSERT INTO authors (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'Ada')",
                "INSERT INTO books (id, author_id, title) VALUES ('00000000-0000-0000-0000-000000000002', "
                        + "'00000000-0000-0000-0000-000000000001', 'Notes')");

        roundTrip.assertRoundTrip(url, model);

        assertThat(revision).contains("renameTable: {oldTableName: books, newTableName: volumes}",
                "RENAME CONSTRAINT pk_books TO pk_volumes", "RENAME CONSTRAINT fk_books_author_id_authors TO "
                        + "fk_volumes_author_id_authors", "ALTER INDEX ix_books_title RENAME TO ix_volumes_title");
        assertThat(revision).doesNotContain("dropTable", "# DESTRUCTIVE:");
        assertThat(queryOne(url, "SELECT title FROM volumes")).isEqualTo("Notes");
    }

    @Test
    void anUnhintedDropAndAddOfTheSameTypeIsFlaggedAsALikelyRename() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.renamecolumn.Book.class);

        RevisionPlan plan = roundTrip.plan(model);
        String revision = roundTrip.generate("title is heading", model);

        assertThat(plan.likelyRenames()).extracting(LikelyRename::hint).containsExactly("books.title=heading");
        assertThat(revision).contains("# LIKELY RENAME: column books.title is dropped and books.heading "
                + "(varchar(200)) added; if it is a rename, rerun with --rename books.title=heading");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void reservedWordsCapitalsAndOverlongNamesAreWrittenAsPostgreSqlStoresThem() {
        List<Class<?>> model = List.of(Author.class, Book.class, Shelf.class);

        String revision = roundTrip.generate("shelves", model);

        assertThat(revision).contains("tableName: shelves", "indexName: ix_shelves_user", "name: position",
                "indexName: ix_shelves_position_and_a_name_that_goes_on_well_past_the_limit\n",
                "ADD CONSTRAINT ck_shelves_user CHECK (\\\"user\\\" <> '')");
        roundTrip.assertRoundTrip(roundTrip.databaseBelowHead(), model);
    }

    @Test
    void aModelThatMatchesTheRevisionsPlansNothing() {
        assertThat(roundTrip.plan(BASE).changes()).isEmpty();
    }

    @Test
    void aRenameHintNamingAColumnTheRevisionsDoNotBuildIsRefused() {
        List<Class<?>> model = List.of(Author.class, com.auditeng.db.autogen.fixture.renamecolumn.Book.class);

        assertThatThrownBy(() -> roundTrip.plan(model, RenameHint.parse("books.titel=heading")))
                .hasMessageContaining("--rename books.titel=heading: the revisions build no column books.titel");
    }

    private String read(String fileName) {
        try {
            return Files.readString(migrations.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(DatabaseUrl url, String... statements) throws SQLException {
        try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryOne(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
