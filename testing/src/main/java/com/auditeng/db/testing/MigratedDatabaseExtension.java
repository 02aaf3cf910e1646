package com.auditeng.db.testing;

import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.data.AsyncDatabase;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link MigratedDatabase}: one migrated server per test JVM, its application tables
 * emptied before each test (a TRUNCATE costs milliseconds; re-creating a database from a template costs a few
 * hundred), and parameters of type {@link DatabaseUrl} and {@link AsyncDatabase}.
 */
public final class MigratedDatabaseExtension implements BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(MigratedDatabaseExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        TableEraser.eraseApplicationTables(server(context).url());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DatabaseUrl.class || type == AsyncDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DatabaseUrl url = server(context).url();
        if (parameter.getParameter().getType() == DatabaseUrl.class) {
            return url;
        }
        // one per test class, kept in the class's store: JUnit closes it after the class's last test
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(OpenDatabase.class, key -> new OpenDatabase(AsyncDatabase.open(url)),
                        OpenDatabase.class)
                .database();
    }

    // the root store lives as long as the test run and closes its resources at its end
    private static TestServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestServer.class, key -> TestServer.start(), TestServer.class);
    }

    private record OpenDatabase(AsyncDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }
}
