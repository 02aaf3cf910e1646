package com.auditeng.db.safety;

import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableFillerTest {

    @Test
    void fillFollowsForeignKeysChecksAndEnumsAndLeavesEmptyOnlyTheTableNoValueSatisfies() throws SQLException {
        try (Connection connection = TestDatabase.connect(TestDatabase.fresh())) {
            execute(connection, "CREATE TYPE meter_kind AS ENUM ('ELECTRIC', 'WATER', 'GAS')",
                    "CREATE TABLE sites (id UUID PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, secure BOOLEAN NOT NULL)",
                    "CREATE TABLE meters (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                            + "site_id UUID NOT NULL UNIQUE REFERENCES sites (id), kind meter_kind NOT NULL, "
                            + "state VARCHAR(10) NOT NULL CHECK (state IN ('ON', 'OFF')), reading NUMERIC(10, 2) "
                            + "NOT NULL CHECK (reading >= 0), tags JSONB, installed TIMESTAMPTZ NOT NULL DEFAULT now())",
                    "CREATE TABLE codes (code VARCHAR(7) NOT NULL CHECK (code ~ '^[A-Z]{3}-[0-9]{3}$'))");

            List<TableFill> fills = new TableFiller(connection).fill();

            assertThat(fills).extracting(TableFill::table).containsExactly("codes", "sites", "meters");
            assertThat(fills.get(0).notFilledBecause()).hasValueSatisfying(reason -> assertThat(reason)
                    .isEqualTo("new row for relation \"codes\" violates check constraint \"codes_code_check\""));
            assertThat(fills.subList(1, 3)).allSatisfy(fill -> assertThat(fill.rows()).isEqualTo(1000));
            assertThat(count(connection, "SELECT count(DISTINCT site_id) FROM meters")).isEqualTo(1000);
            assertThat(count(connection, "SELECT count(DISTINCT kind) FROM meters")).isEqualTo(3);
            assertThat(count(connection, "SELECT count(DISTINCT state) FROM meters")).isEqualTo(2);
            assertThat(new TableFiller(connection).fill()).extracting(TableFill::table).containsExactly("codes");
        }
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
