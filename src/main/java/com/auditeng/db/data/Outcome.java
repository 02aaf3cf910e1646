package com.auditeng.db.data;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Turns a stage's failure into ours when it broke a constraint whose meaning the repository knows. */
final class Outcome {
    private Outcome() {
    }

    static <T> CompletionStage<T> mapViolation(CompletionStage<T> stage, String constraint,
                                               Function<Throwable, ? extends RuntimeException> ours) {
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = Failures.unwrap(failure);
            boolean broke = Failures.violatedConstraint(cause).filter(constraint::equalsIgnoreCase).isPresent();
            result.completeExceptionally(broke ? ours.apply(cause) : cause);
        });
        return result;
    }
}
