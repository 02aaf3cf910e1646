package com.auditeng.db.data;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.reactive.stage.Stage;

import java.util.Collection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Flushes a write that added entities to an unloaded one-to-many collection (a user's tasks, an analysis' findings),
 * and drops those queued additions when the server refuses the rows. Left in place, Hibernate warns about them
 * (HHH000496) when the session closes, though the refusal reaches the application as our exception anyway.
 */
final class QueuedAdditions {
    private QueuedAdditions() {
    }

    static <T> CompletionStage<T> flush(Stage.Session session, Collection<?> collection, T value) {
        return session.flush().handle((ignored, failure) -> {
            if (failure == null) {
                return value;
            }
            if (collection instanceof PersistentCollection<?> persistent) {
                persistent.postAction();
            }
            throw failure instanceof RuntimeException runtime ? runtime
                    : new CompletionException(failure);
        });
    }
}
