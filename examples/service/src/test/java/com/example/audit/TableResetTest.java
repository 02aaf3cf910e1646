package com.example.audit;

import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.data.AsyncDatabase;
import com.auditeng.db.data.UserRepository;
import com.auditeng.db.model.User;
import com.auditeng.db.testing.MigratedDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

// in this order: the second test sees what the first wrote only if the tables are not emptied between them
@MigratedDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableResetTest {
    @Test
    @Order(1)
    void writes(AsyncDatabase db) {
        new UserRepository(db).create(new User("first@example.com", "hash")).toCompletableFuture().join();
        assertThat(new UserRepository(db).count().toCompletableFuture().join()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void startsOnEmptyTablesAtHead(AsyncDatabase db, DatabaseUrl url) throws Exception {
        assertThat(new UserRepository(db).count().toCompletableFuture().join()).isZero();
        try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT count(*) FROM auditeng_revision")) {
            head.next();
            assertThat(head.getInt(1)).as("the revision history is kept").isPositive();
        }
    }
}
