package com.auditeng.db.cli;

import com.auditeng.db.schema.EntityPackage;
import com.auditeng.db.schema.ModelSchema;
import picocli.CommandLine.Option;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** {@code --model PACKAGE}: where the entities are, for the commands that compare them with the revisions. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "PACKAGE", defaultValue = EntityPackage.DEFAULT,
            description = "Java package of the @Entity classes to compare with the revisions "
                    + "(default: ${DEFAULT-VALUE}).")
    private String packageName;

    /**
     * The entities' schema, mapped on another thread while the caller starts the scratch database: both take about
     * a second, and neither needs the other.
     */
    Supplier<ModelSchema> readInBackground() {
        CompletableFuture<ModelSchema> reading =
                CompletableFuture.supplyAsync(() -> ModelSchema.ofPackage(packageName));
        return () -> {
            try {
                return reading.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        };
    }
}
