package com.auditeng.db.schema;

/**
 * A SQL expression (a column default, a check condition) as written, with PostgreSQL's own reading of it.
 *
 * <p>Two expressions are equal when they mean the same to PostgreSQL, not when they are spelled the same: the
 * entities say {@code status IN ('A', 'B')} where the catalog says {@code ((status)::text = ANY ((ARRAY['A'::character
 * varying, ...])::text[]))}, a rollback that re-creates that printout leaves yet another spelling, and a type change
 * of the column another. {@link ExpressionNormalizer} fills in the server's spelling and meaning on both sides; a
 * revision is written with the source, which reads better.
 *
 * @param source    the expression as the entity or the catalog states it, valid SQL either way
 * @param canonical the expression as PostgreSQL prints it back ({@code pg_get_expr}, {@code pg_get_constraintdef})
 * @param meaning   the expression as PostgreSQL's planner reduces it (casts and constants folded), what equality
 *                  compares
 */
public record SqlExpression(String source, String canonical, String meaning) {

    /** An expression not normalised yet: its source stands for its spelling and its meaning. */
    public static SqlExpression of(String source) {
        return new SqlExpression(source, source, source);
    }

    public SqlExpression withServerReading(String serverSpelling, String serverMeaning) {
        return new SqlExpression(source, serverSpelling, serverMeaning);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlExpression expression && meaning.equals(expression.meaning);
    }

    @Override
    public int hashCode() {
        return meaning.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
