package com.auditeng.db.schema;

import com.auditeng.db.autogen.SchemaDiff;

import com.auditeng.db.TestDatabase;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
            SchemaSnapshot model =
                    ExpressionNormalizer.normalize(ModelSchema.ofPackage(EntityPackage.DEFAULT), connection);

            assertThat(SchemaDiff.between(catalog, model)).isEmpty();
            assertThat(model).isEqualTo(catalog);
        }
    }

    @Test
    void theModelSpellsTypesAsTheCatalogDoesAndNamesThePrimaryKeyByConvention() {
        Table tasks = ModelSchema.ofPackage(EntityPackage.DEFAULT).table("tasks").orElseThrow();

        assertThat(tasks.column("created_at").orElseThrow().type()).isEqualTo("timestamptz");
        assertThat(tasks.column("status").orElseThrow().type()).isEqualTo("varchar(50)");
        assertThat(tasks.primaryKey().orElseThrow().name()).isEqualTo("pk_tasks");
    }

    @Test
    void hibernatesImplicitEnumChecksAndOneToOneUniqueKeysAreLeftOut() {
        SchemaSnapshot model = ModelSchema.ofPackage(EntityPackage.DEFAULT);

        assertThat(model.table("tasks").orElseThrow().checks())
                .containsOnlyKeys("ck_tasks_status", "ck_tasks_file_size");
        assertThat(model.table("analyses").orElseThrow().indexes().values())
                .containsExactly(new Index("ix_analyses_task_id", List.of("task_id"), true, false));
    }

    @Test
    void aModelPackageBringsTheEntitiesItRefersToInOtherPackages() {
        List<Class<?>> entities = EntityPackage.classes("com.auditeng.db.autogen.fixture.addtable");

        assertThat(entities).extracting(Class::getSimpleName).containsExactlyInAnyOrder("Author", "Book", "Review");
    }
}
