package com.auditeng.db.safety;

import java.util.Optional;

/** What lint knows of the schema before the revisions it reads: nothing offline, the catalog when connected. */
interface SchemaFacts {
    SchemaFacts NONE = new SchemaFacts() {
        @Override
        public Optional<String> columnType(String table, String column) {
            return Optional.empty();
        }

        @Override
        public boolean hasValidatedNotNullCheck(String table, String column) {
            return false;
        }

        @Override
        public Optional<String> notNullCheckColumn(String table, String constraint) {
            return Optional.empty();
        }

        @Override
        public Optional<String> tableOfIndex(String index) {
            return Optional.empty();
        }
    };

    /** The type of {@code table.column} as PostgreSQL prints it ({@code character varying(255)}). */
    Optional<String> columnType(String table, String column);

    /** Whether a validated {@code CHECK (column IS NOT NULL)} holds on the table. */
    boolean hasValidatedNotNullCheck(String table, String column);

    /** The column of {@code constraint} when it is a {@code CHECK (column IS NOT NULL)}. */
    Optional<String> notNullCheckColumn(String table, String constraint);

    /** The table an index belongs to. */
    Optional<String> tableOfIndex(String index);
}
