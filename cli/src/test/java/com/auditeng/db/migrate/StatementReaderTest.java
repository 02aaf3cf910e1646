package com.auditeng.db.migrate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What statements do, read from their tokens: the kinds lint needs, and nothing from inside strings or comments. */
class StatementReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DROP TABLE IF EXISTS public.findings, \"Tasks\" CASCADE"
                    + "|[DropTable[table=findings], DropTable[table=Tasks]]",
            "CREATE TABLE gauges (id BIGINT NOT NULL, label VARCHAR(50) DEFAULT 'a,b' NOT NULL, CONSTRAINT pk PRIMARY KEY (id))"
                    + "|[CreateTable[table=gauges, columns=[Column[name=id, type=BIGINT, notNull=true, defaultExpression=, "
                    + "generated=false], Column[name=label, type=VARCHAR(50), notNull=true, defaultExpression='a,b', "
                    + "generated=false]]]]",
            "ALTER TABLE ONLY tasks ADD COLUMN IF NOT EXISTS seen TIMESTAMP WITH TIME ZONE DEFAULT now()"
                    + "|[AddColumn[table=tasks, column=Column[name=seen, type=TIMESTAMP WITH TIME ZONE, notNull=false, "
                    + "defaultExpression=now(), generated=false]]]",
            "ALTER TABLE tasks ALTER COLUMN name TYPE varchar(500) USING (name::varchar(500)), ALTER name SET NOT NULL"
                    + "|[AlterType[table=tasks, column=name, type=varchar(500), using=(name::varchar(500))], "
                    + "SetNotNull[table=tasks, column=name]]",
            "ALTER TABLE tasks ADD CONSTRAINT ck CHECK ((name IS NOT NULL)) NOT VALID"
                    + "|[AddConstraint[table=tasks, name=ck, kind=CHECK, notValid=true, usingIndex=false, notNullColumn=name]]",
            "ALTER TABLE tasks ADD CONSTRAINT uq UNIQUE USING INDEX uq, VALIDATE CONSTRAINT ck"
                    + "|[AddConstraint[table=tasks, name=uq, kind=UNIQUE, notValid=false, usingIndex=true, notNullColumn=], "
                    + "ValidateConstraint[table=tasks, name=ck]]",
            "ALTER TABLE tasks DROP CONSTRAINT IF EXISTS ck, DROP COLUMN note"
                    + "|[DropConstraint[table=tasks, name=ck], DropColumn[table=tasks, column=note]]",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON ONLY tasks USING btree (name)"
                    + "|[CreateIndex[table=tasks, name=ux, unique=true, concurrently=true]]",
            "DROP INDEX CONCURRENTLY ix;|[DropIndex[table=, name=ix, concurrently=true]]",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY tasks|[Reindex[table=tasks, target=table tasks, concurrently=true]]",
            "ALTER TABLE tasks RENAME COLUMN name TO title|[Rename[table=tasks, column=name, newName=title]]",
            "/* DROP TABLE tasks */ UPDATE tasks SET name = $$DROP TABLE tasks$$|[]",
            "INSERT INTO notes VALUES (E'it\\'s; DROP TABLE x')|[]",
            "UPDATE notes SET a = ';'; DROP INDEX ix; DO $$BEGIN DROP TABLE x; END$$;|[DropIndex[table=, name=ix, "
                    + "concurrently=false]]"})
    void readsWhatAStatementDoes(String sql, String operations) {
        assertThat(StatementReader.read(sql)).hasToString(operations);
    }
}
