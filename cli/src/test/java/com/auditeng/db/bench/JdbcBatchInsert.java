package com.auditeng.db.bench;

import com.auditeng.db.model.Finding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Plain JDBC: one prepared INSERT, addBatch per row, executeBatch every thousand, one transaction. */
final class JdbcBatchInsert {
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO findings (id, analysis_id, severity, rule_id, message, evidence, "
            + "remediation) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?)";

    private JdbcBatchInsert() {
    }

    static void insert(Connection connection, UUID analysisId, List<Finding> findings) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (Finding finding : findings) {
                BenchRow row = BenchRow.of(finding);
                statement.setObject(1, row.id());
                statement.setObject(2, analysisId);
                statement.setString(3, row.severity());
                statement.setString(4, row.ruleId());
                statement.setString(5, row.message());
                statement.setString(6, row.evidence());
                statement.setString(7, row.remediation());
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
