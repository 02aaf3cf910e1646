package com.auditeng.db.schema;

import com.auditeng.db.config.SqlIdentifier;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

import java.util.Locale;

/**
 * Table and column names as PostgreSQL stores them: an unquoted name folds to lower case, and one the server would
 * misread (a reserved word such as {@code user}) is quoted, as {@link SqlIdentifier} writes it into revisions.
 */
final class StoredNamingStrategy extends PhysicalNamingStrategyStandardImpl {
    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
        return stored(name);
    }

    @Override
    public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
        return stored(name);
    }

    private static Identifier stored(Identifier name) {
        if (name == null || name.isQuoted()) {
            return name;
        }
        String folded = name.getText().toLowerCase(Locale.ROOT);
        return Identifier.toIdentifier(folded, !SqlIdentifier.quote(folded).equals(folded));
    }
}
