package com.auditeng.db.schema;

/**
 * A SQL expression (a column default, a check condition) as written, with PostgreSQL's own spelling of it.
 *
 * <p>Two expressions are equal when PostgreSQL spells them the same: the entities say {@code 'QUEUED'} where the
 * catalog says {@code 'QUEUED'::character varying}, and both mean one default. {@link ExpressionNormalizer} fills
 * in the server's spelling for the entities' expressions; a revision is written with the source, which reads better.
 *
 * @param source    the expression as the entity or the catalog states it, valid SQL either way
 * @param canonical the expression as PostgreSQL prints it back ({@code pg_get_expr}, {@code pg_get_constraintdef})
 */
public record SqlExpression(String source, String canonical) {

    /** An expression not normalised yet: its source stands for its canonical form. */
    public static SqlExpression of(String source) {
        return new SqlExpression(source, source);
    }

    public SqlExpression withCanonical(String serverSpelling) {
        return new SqlExpression(source, serverSpelling);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlExpression expression && canonical.equals(expression.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
