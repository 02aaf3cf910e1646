package com.auditeng.db.autogen;

import com.auditeng.db.autogen.Change.RenameConstraint.Kind;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;
import com.auditeng.db.schema.SqlExpression;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeTest {
    private static final Column TITLE = new Column("title", "character varying(200)", false, Optional.empty());
    private static final Check POSITIVE = new Check("ck_books_pages", SqlExpression.of("pages > 0"));

    @Test
    void everyDropIsDescribedAsItsAddSeenFromTheOtherSide() {
        Table books = new Table("books", Map.of("title", TITLE), Optional.empty(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>());
        List<Change> adds = List.of(new Change.CreateTable(books),
                new Change.AddPrimaryKey("books", new PrimaryKey("books_pkey", List.of("id"))),
                new Change.AddIndex("books", new Index("ix_books_title", List.of("title"), false, false)),
                new Change.AddForeignKey("books", new ForeignKey("fk_books_author_id_authors", List.of("author_id"),
                        "authors", List.of("id"), "CASCADE")),
                new Change.AddCheck("books", POSITIVE, List.of("pages")));

        assertThat(adds).allSatisfy(add -> assertThat(add.inverse().describe("the revisions", "the model"))
                .isEqualTo(add.describe("the model", "the revisions")));
        assertThat(adds.get(4).inverse().describe("the revisions", "the model"))
                .isEqualTo("books.pages: check ck_books_pages pages > 0 in the revisions, not in the model");
    }

    @Test
    void aDroppedColumnIsDescribedWithoutTheTypeItsAddNames() {
        Change add = new Change.AddColumn("books", TITLE);

        assertThat(add.describe("the revisions", "the model"))
                .isEqualTo("books.title: column (character varying(200) NOT NULL) in the model, not in the revisions");
        assertThat(add.inverse().describe("the revisions", "the model"))
                .isEqualTo("books.title: column in the revisions, not in the model");
    }

    @Test
    void aRenamedIndexIsRenamedAsAnIndexAndAUniqueConstraintThroughItsTable() {
        Change index = new Change.RenameConstraint("order", Kind.INDEX, "ix_a", "ix_b", List.of("user"));
        Change unique = new Change.RenameConstraint("order", Kind.UNIQUE_CONSTRAINT, "uq_a", "uq_b", List.of("user"));

        assertThat(index.yaml())
                .containsExactly("- sql: {sql: \"ALTER INDEX ix_a RENAME TO ix_b\", splitStatements: false}");
        assertThat(unique.inverse().yaml()).containsExactly(
                "- sql: {sql: \"ALTER TABLE \\\"order\\\" RENAME CONSTRAINT uq_b TO uq_a\", splitStatements: false}");
        assertThat(unique.describe("the revisions", "the model"))
                .isEqualTo("order.user: unique constraint uq_a in the revisions is named uq_b in the model");
    }

    @Test
    void aValidationIsUndoneByAddingItsConstraintBackNotValidUnderItsOwnName() {
        Change.Validate validate = new Change.Validate(new Change.NotValid(new Change.AddCheck("books", POSITIVE,
                List.of("pages"))));

        assertThat(LiquibaseChanges.label(validate)).isEqualTo("validate-ck_books_pages");
        assertThat(LiquibaseChanges.label(validate.added())).isEqualTo("not-valid-ck_books_pages");
        assertThat(validate.inverse().yaml()).containsExactly(
                "- sql: {sql: \"ALTER TABLE books DROP CONSTRAINT ck_books_pages\", splitStatements: false}",
                "- sql: {sql: \"ALTER TABLE books ADD CONSTRAINT ck_books_pages CHECK (pages > 0) NOT VALID\", "
                        + "splitStatements: false}");
    }

    @Test
    void aMovedColumnComesBackNullableThenFilledThenRequiredThenWithItsIndex() {
        Column heading = new Column("heading", "text", true, Optional.empty());
        Index index = new Index("ix_books_title", List.of("title"), false, false);
        Change drop = new Change.DropMovedColumn("books", TITLE, heading, List.of(new Change.DropIndex("books", index)),
                true);

        assertThat(drop.yaml()).containsExactly("- dropColumn: {tableName: books, columnName: title}");
        assertThat(drop.inverse().yaml()).containsExactly(
                "- addColumn:",
                "    tableName: books",
                "    columns:",
                "      - column: {name: title, type: \"CHARACTER VARYING(200)\"}",
                "- sql: {sql: \"UPDATE books SET title = CAST(heading AS character varying(200))\", "
                        + "splitStatements: false}",
                "- addNotNullConstraint: {tableName: books, columnName: title}",
                "- createIndex:",
                "    tableName: books",
                "    indexName: ix_books_title",
                "    columns:",
                "      - column: {name: title}");
    }
}
