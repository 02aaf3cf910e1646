package com.auditeng.db.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The schema autogenerate works towards, read on a scratch database: the entities' ({@link ModelSchema}), or, for a
 * benchmark or a tool, one derived from it.
 */
@FunctionalInterface
public interface WantedSchema {
    SchemaSnapshot readOn(Connection connection) throws SQLException;
}
