package com.auditeng.db.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class a PostgreSQL database at the bundled head revision, emptied before each test.
 *
 * <p>The database is an embedded PostgreSQL started once per test JVM in a temporary folder, or the server named
 * by {@code TEST_DATABASE_URL} (its tables are emptied: never point it at data you keep). Test methods, constructors
 * and lifecycle methods may take a {@link com.auditeng.db.config.DatabaseUrl} or an
 * {@link com.auditeng.db.data.AsyncDatabase} (one per test class, closed after it) as parameters:
 *
 * <pre>{@code
 * @MigratedDatabase
 * class WorkerTest {
 *     @Test
 *     void claimsTheQueuedTask(AsyncDatabase db) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MigratedDatabaseExtension.class)
public @interface MigratedDatabase {
}
