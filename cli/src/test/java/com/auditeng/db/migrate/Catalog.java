package com.auditeng.db.migrate;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a test database's catalog as lines of text, for assertions that name exactly what differs. */
public final class Catalog {
    private final DatabaseUrl url;

    public Catalog(DatabaseUrl url) {
        this.url = url;
    }

    /** "table.column type nullable default" for every column of the public schema. */
    public List<String> columns() {
        return rows("SELECT c.table_name || '.' || c.column_name || ' ' || "
                + "CASE WHEN c.data_type = 'character varying' THEN 'varchar(' || c.character_maximum_length || ')' "
                + "ELSE c.data_type END || ' ' || CASE WHEN c.is_nullable = 'YES' THEN 'null' ELSE 'not null' END "
                + "|| coalesce(' default ' || c.column_default, '') "
                + "FROM information_schema.columns c WHERE c.table_schema = 'public' ORDER BY 1");
    }

    public List<String> tables() {
        return rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    }

    /** "index on table unique|nonunique (columns)" for every index of the public schema. */
    public List<String> indexes() {
        return rows("SELECT i.relname || ' on ' || t.relname || ' ' || CASE WHEN x.indisunique THEN 'unique' "
                + "ELSE 'nonunique' END || ' (' || (SELECT string_agg(a.attname, ', ' ORDER BY k.n) "
                + "FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a "
                + "ON a.attrelid = t.oid AND a.attnum = k.attnum) || ')' "
                + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' ORDER BY 1");
    }

    /** "name type on table: definition" for every constraint of the public schema. */
    public List<String> constraints() {
        return rows("SELECT c.conname || ' ' || c.contype::text || ' on ' || t.relname || ': ' || pg_get_constraintdef(c.oid) "
                + "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n "
                + "ON n.oid = t.relnamespace WHERE n.nspname = 'public' ORDER BY 1");
    }

    /** Every relation, type and sequence of the public schema, tracking table included. */
    public List<String> objects() {
        return rows("SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' UNION ALL SELECT 'type ' || t.typname FROM pg_type t "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') "
                + "AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid) ORDER BY 1");
    }

    public List<String> rows(String sql) {
        try (Connection connection = TestDatabase.connect(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getString(1));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
