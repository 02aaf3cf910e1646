package com.auditeng.db.migrate;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.DataTypeFactory;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.ModifyDataTypeGenerator;
import liquibase.statement.core.ModifyDataTypeStatement;
import liquibase.structure.core.Table;

import java.util.regex.Pattern;

/**
 * {@code modifyDataType} on PostgreSQL without the {@code USING (column::TYPE)} that Liquibase adds to every type
 * change when the new type has a length limit.
 *
 * <p>An explicit cast to {@code varchar(n)}, {@code char(n)} or {@code bit(n)} cuts longer values silently, while
 * {@code ALTER COLUMN ... TYPE} without USING converts like an assignment, which fails on them ("value too long
 * for type character varying(255)"). So a rollback from varchar(500) to varchar(255) used to truncate a 304-character
 * value and exit 0; now it fails, and the data-loss guard names the rows before it runs. Other targets keep the
 * cast: it is what converts, say, text to integer, and a cast to a type without a length limit cuts nothing.
 * https://www.postgresql.org/docs/current/datatype-character.html
 */
final class TypeChangeGenerator extends ModifyDataTypeGenerator {
    private static final Pattern LENGTH_LIMITED = Pattern.compile(
            "(?i)\\s*(character varying|varchar|character|char|bpchar|bit varying|varbit|bit)"
                    + "\\s*\\(\\s*\\d+\\s*\\)\\s*");

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(ModifyDataTypeStatement statement, Database database) {
        return database instanceof PostgresDatabase;
    }

    @Override
    public Sql[] generateSql(ModifyDataTypeStatement statement, Database database, SqlGeneratorChain chain) {
        String column = database.escapeColumnName(statement.getCatalogName(), statement.getSchemaName(),
                statement.getTableName(), statement.getColumnName());
        String type = DataTypeFactory.getInstance().fromDescription(statement.getNewDataType(), database)
                .toDatabaseDataType(database).toString();
        String sql = "ALTER TABLE " + database.escapeTableName(statement.getCatalogName(), statement.getSchemaName(),
                statement.getTableName()) + " ALTER COLUMN " + column + " TYPE " + type
                + (LENGTH_LIMITED.matcher(type).matches() ? "" : " USING (" + column + "::" + type + ")");
        Table table = (Table) new Table().setName(statement.getTableName())
                .setSchema(statement.getCatalogName(), statement.getSchemaName());
        return new Sql[] {new UnparsedSql(sql, table)};
    }
}
