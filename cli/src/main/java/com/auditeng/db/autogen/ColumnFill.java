package com.auditeng.db.autogen;

/**
 * A column of an existing table to fill on the rows already there, written as a backfill revision of its own: a
 * column a move copies from its old column, or a new NOT NULL column whose default is not one constant.
 *
 * @param value the SQL expression each row gets
 * @param where the SQL condition of the rows still to fill
 * @param why   one line saying what the fill is for
 */
public record ColumnFill(String table, String column, String value, String where, String why) {
}
