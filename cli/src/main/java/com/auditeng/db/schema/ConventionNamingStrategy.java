package com.auditeng.db.schema;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitConstraintNameSource;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hibernate's JPA naming, except that a constraint or index the entities leave unnamed gets the name of SCHEMA.md
 * ({@code fk_<table>_<column>_<referred_table>}, {@code uq_<table>_<column>}, {@code ix_<table>_<column>}) instead
 * of a hash such as {@code FK6x8m...}, the counterpart of SQLAlchemy's {@code naming_convention}.
 *
 * <p>It also remembers which unique keys were declared as {@code @Index(unique = true)}: Hibernate keeps those as
 * unique keys, like {@code @UniqueConstraint}s, yet the schema makes them unique indexes.
 */
final class ConventionNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {
    private final Set<String> uniqueIndexes = new HashSet<>();

    @Override
    public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
        return explicitOr(source, "fk_" + source.getTableName().getText() + "_" + columns(source) + "_"
                + source.getReferencedTableName().getText());
    }

    @Override
    public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
        boolean declaredAsIndex = source.kind() == ImplicitConstraintNameSource.Kind.INDEX;
        Identifier name = explicitOr(source, (declaredAsIndex ? "ix_" : "uq_") + source.getTableName().getText()
                + "_" + columns(source));
        if (declaredAsIndex) {
            uniqueIndexes.add(key(source.getTableName().getText(), name.getText()));
        }
        return name;
    }

    @Override
    public Identifier determineIndexName(ImplicitIndexNameSource source) {
        return explicitOr(source, "ix_" + source.getTableName().getText() + "_" + columns(source));
    }

    /** Whether the unique key {@code name} of {@code table} was declared as a unique index. */
    boolean isUniqueIndex(String table, String name) {
        return uniqueIndexes.contains(key(table, name));
    }

    private static Identifier explicitOr(ImplicitConstraintNameSource source, String conventional) {
        Identifier explicit = source.getUserProvidedIdentifier();
        return explicit != null && !explicit.getText().isEmpty() ? explicit : Identifier.toIdentifier(conventional);
    }

    /**
     * The key's columns joined by '_': one column gives SCHEMA.md's {@code ix_<table>_<column>}, and two unnamed
     * indexes that start with the same column do not get one name, which Hibernate would merge into one index.
     */
    private static String columns(ImplicitConstraintNameSource source) {
        return source.getColumnNames().isEmpty() ? "key"
                : source.getColumnNames().stream().map(Identifier::getText).collect(Collectors.joining("_"));
    }

    // the source's table name is the logical one ("Shelves"), the caller's the stored one ("shelves")
    private static String key(String table, String name) {
        return (table + "\u0000" + name).toLowerCase(Locale.ROOT);
    }
}
