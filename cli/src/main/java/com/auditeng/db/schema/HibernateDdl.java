package com.auditeng.db.schema;

import com.auditeng.db.ProblemFoundException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DDL Hibernate's schema tooling writes for the entities, with SCHEMA.md's names ({@link ConventionDialect},
 * {@link ConventionNamingStrategy}). A class of its own so that Hibernate is loaded only when the DDL is not in
 * {@link ModelSchemaCache}: the commands that find it there start without it.
 */
final class HibernateDdl {
    private HibernateDdl() {
    }

    static ModelSchema write(List<Class<?>> entities) {
        ConventionNamingStrategy naming = new ConventionNamingStrategy();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                // no connection: the DDL is written for the dialect given here, and nothing asks JDBC for defaults
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting(AvailableSettings.DIALECT, new ConventionDialect(naming))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.getMetadataBuilder().applyImplicitNamingStrategy(naming)
                    .applyPhysicalNamingStrategy(new StoredNamingStrategy()).build();
            List<String> ddl = new SchemaCreatorImpl(registry).generateCreationCommands(metadata, false).stream()
                    .filter(sql -> !sql.isBlank()).toList();
            return new ModelSchema(ddl, entitySources(metadata));
        } catch (RuntimeException e) {
            if (e instanceof ProblemFoundException problem) {
                throw problem;
            }
            throw new ProblemFoundException("the entities cannot be mapped (" + ModelSchema.firstLine(e.getMessage())
                    + "); fix the entity annotations named there", e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * The entities' own spelling of each check and default, read once the DDL has named every check. A revision is
     * written with it ({@code length(title) > 0} reads better than the catalog's {@code (length((title)::text) >
     * 0)}); what it means is still the server's reading.
     */
    private static Map<String, String> entitySources(Metadata metadata) {
        Map<String, String> sources = new HashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                List<CheckConstraint> checks = new ArrayList<>(table.getChecks());
                for (org.hibernate.mapping.Column column : table.getColumns()) {
                    checks.addAll(column.getCheckConstraints());
                    if (column.getDefaultValue() != null) {
                        sources.put(ModelSchema.key(table.getName(), column.getName()), column.getDefaultValue());
                    }
                }
                checks.stream().filter(CheckConstraint::isNamed)
                        .forEach(check -> sources.put(ModelSchema.key(table.getName(), check.getName()),
                                check.getConstraint()));
            }
        }
        return sources;
    }
}
