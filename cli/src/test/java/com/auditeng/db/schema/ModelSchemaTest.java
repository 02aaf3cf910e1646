package com.auditeng.db.schema;

import com.auditeng.db.autogen.SchemaDiff;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.autogen.fixture.base.Author;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.autogen.fixture.base.Format;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.Table;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSchemaTest {
    // the folder in the sources, not the copy in target/classes, which keeps a revision deleted from the sources
    private static final Path REVISIONS = Path.of("..", "migrate", "src", "main", "resources", "db", "migrations");

    @Test
    void theRealEntitiesAndRevision0001DescribeTheSameSchema() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        MigrationRunner runner = new MigrationRunner(new DatabaseConnector(url), Revisions.load(REVISIONS),
                new RevisionCompiler(), Duration.ofSeconds(30), new PrintWriter(Writer.nullWriter()));
        runner.upgrade(Target.parse("head"), applied -> { });

        try (Connection connection = TestDatabase.connect(url)) {
            SchemaSnapshot catalog = CatalogReader.read(connection);
            SchemaSnapshot model = ModelSchema.ofPackage(EntityPackage.DEFAULT).readOn(connection);

            assertThat(SchemaDiff.between(catalog, model)).isEmpty();
            assertThat(model).isEqualTo(catalog);
        }
    }

    @Test
    void theModelSpellsTypesAsTheCatalogDoesAndNamesThePrimaryKeyByConvention() {
        Table tasks = read(ModelSchema.ofPackage(EntityPackage.DEFAULT)).table("tasks").orElseThrow();

        assertThat(tasks.column("created_at").orElseThrow().type()).isEqualTo("timestamptz");
        assertThat(tasks.column("status").orElseThrow().type()).isEqualTo("varchar(50)");
        assertThat(tasks.primaryKey().orElseThrow().name()).isEqualTo("pk_tasks");
    }

    @Test
    void everyEnumeratedColumnGetsTheCheckItsEnumsConstantsMakeUnderTheConventionalName() {
        SchemaSnapshot model = read(ModelSchema.ofPackage(EntityPackage.DEFAULT));

        Table tasks = model.table("tasks").orElseThrow();
        assertThat(tasks.checks()).containsOnlyKeys("ck_tasks_status", "ck_tasks_file_size");
        assertThat(tasks.checks().get("ck_tasks_status").expression().source())
                .contains(Arrays.stream(TaskStatus.values()).map(status -> "'" + status.name() + "'").toList());
        assertThat(model.table("findings").orElseThrow().checks()).containsOnlyKeys("ck_findings_severity");
        assertThat(model.table("analyses").orElseThrow().checks()).containsKey("ck_analyses_verdict");
    }

    @Test
    void aOneToOnesUniqueKeyCoveredByAUniqueIndexIsLeftOut() {
        SchemaSnapshot model = read(ModelSchema.ofPackage(EntityPackage.DEFAULT));

        assertThat(model.table("analyses").orElseThrow().indexes().values())
                .containsExactly(new Index("ix_analyses_task_id", List.of("task_id"), true, false));
    }

    @Test
    void aCheckNamedLikeAnEnumsCheckIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> read(ModelSchema.of(List.of(Author.class, RestatedFormatCheck.class))))
                .isInstanceOf(ProblemFoundException.class)
                .hasMessageContaining("ck_books_format", "remove that @CheckConstraint");
    }

    @Test
    void indexColumnsKeepTheirOrderNullsPlacementAndOperatorClass() {
        Table books = read(ModelSchema.of(List.of(Author.class, OrderedIndexes.class))).table("books").orElseThrow();

        assertThat(books.indexes().get("ix_books_created_at"))
                .isEqualTo(new Index("ix_books_created_at", List.of("created_at"), false, false, List.of("DESC")));
        assertThat(books.indexes().get("ix_books_title_pages").options())
                .containsExactly("varchar_pattern_ops NULLS FIRST", "DESC NULLS LAST");
    }

    @Test
    void aModelPackageBringsTheEntitiesItRefersToInOtherPackages() {
        List<Class<?>> entities = EntityPackage.classes("com.auditeng.db.autogen.fixture.addtable");

        assertThat(entities).extracting(Class::getSimpleName).containsExactlyInAnyOrder("Author", "Book", "Review");
    }

    private static SchemaSnapshot read(ModelSchema model) {
        try (Connection connection = TestDatabase.connect(TestDatabase.fresh())) {
            return model.readOn(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Restates the values of its enum column in a check of the name the enum's own check takes. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "books", check = @jakarta.persistence.CheckConstraint(name = "ck_books_format",
            constraint = "format IN ('PAPER')"))
    static class RestatedFormatCheck {
        @jakarta.persistence.Id
        UUID id;

        @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
        @jakarta.persistence.Column(name = "format", length = 20)
        Format format;
    }

    /** Indexes whose columns are not all ascending, nulls last, with their types' default operator classes. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "books", indexes = {
            @jakarta.persistence.Index(name = "ix_books_created_at", columnList = "created_at DESC"),
            @jakarta.persistence.Index(name = "ix_books_title_pages",
                    columnList = "title varchar_pattern_ops nulls first, pages desc nulls last")})
    static class OrderedIndexes {
        @jakarta.persistence.Id
        UUID id;

        @jakarta.persistence.Column(name = "title", length = 200)
        String title;

        @jakarta.persistence.Column(name = "pages")
        Integer pages;

        @jakarta.persistence.Column(name = "created_at")
        OffsetDateTime createdAt;
    }
}
