package com.auditeng.db.data;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Our exception for a refused write: the meaning a repository gives a constraint (a duplicate {@code ix_users_email}
 * is a {@link DuplicateEmailException}), else the exception for the kind of refusal ({@link Violation}).
 */
final class Refusals {
    static final Refusals GENERIC = new Refusals(Map.of());

    private final Map<String, Function<Throwable, ? extends DataAccessException>> byConstraint;

    private Refusals(Map<String, Function<Throwable, ? extends DataAccessException>> byConstraint) {
        this.byConstraint = byConstraint;
    }

    /** These refusals, with a breach of {@code constraint} meaning {@code ours}. */
    Refusals with(String constraint, Function<Throwable, ? extends DataAccessException> ours) {
        Map<String, Function<Throwable, ? extends DataAccessException>> meanings = new HashMap<>(byConstraint);
        meanings.put(constraint.toLowerCase(Locale.ROOT), ours);
        return new Refusals(Map.copyOf(meanings));
    }

    /** The failure as ours when it is a refusal; unwrapped and unchanged otherwise. */
    Throwable explain(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof DataAccessException) {
            return cause;
        }
        Optional<Violation> violation = Violation.of(cause);
        if (violation.isEmpty()) {
            return cause;
        }
        String constraint = violation.get().constraint();
        if (constraint != null && byConstraint.containsKey(constraint.toLowerCase(Locale.ROOT))) {
            return byConstraint.get(constraint.toLowerCase(Locale.ROOT)).apply(cause);
        }
        return violation.get().toException().map(Throwable.class::cast).orElse(cause);
    }
}
