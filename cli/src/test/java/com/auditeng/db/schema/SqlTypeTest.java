package com.auditeng.db.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTypeTest {

    @Test
    void theCatalogsSpellingsOfOneTypeNormalizeAlike() {
        assertThat(SqlType.normalize("timestamp(6) with time zone"))
                .isEqualTo(SqlType.normalize("timestamp with time zone"))
                .isEqualTo("timestamptz");
        assertThat(SqlType.normalize("time(6) without time zone")).isEqualTo("time");
        assertThat(SqlType.normalize("character varying(255)")).isEqualTo("varchar(255)");
        assertThat(SqlType.normalize("character(3)")).isEqualTo("char(3)");
        assertThat(SqlType.normalize("character varying(20)[]")).isEqualTo("varchar(20)[]");
        assertThat(SqlType.normalize("double precision")).isEqualTo("double precision");
    }

    @Test
    void aPrecisionOtherThanTheDefaultIsKept() {
        assertThat(SqlType.normalize("timestamp(3) with time zone")).isEqualTo("timestamptz(3)");
        assertThat(SqlType.normalize("timestamp(0) without time zone")).isEqualTo("timestamp(0)");
    }

    @Test
    void onlyConversionsThatKeepEveryValueAreWidening() {
        assertThat(SqlType.isWidening("varchar(50)", "varchar(100)")).isTrue();
        assertThat(SqlType.isWidening("varchar(50)", "text")).isTrue();
        assertThat(SqlType.isWidening("integer", "bigint")).isTrue();
        assertThat(SqlType.isWidening("numeric(10,2)", "numeric(12,2)")).isTrue();
        assertThat(SqlType.isWidening("varchar(100)", "varchar(50)")).isFalse();
        assertThat(SqlType.isWidening("text", "varchar(50)")).isFalse();
        assertThat(SqlType.isWidening("bigint", "integer")).isFalse();
        assertThat(SqlType.isWidening("numeric(10,2)", "numeric(10,3)")).isFalse();
        assertThat(SqlType.isWidening("varchar(50)", "integer")).isFalse();
    }

    @Test
    void liquibaseSpellingIsUpperCaseWithTheZoneWrittenOut() {
        assertThat(SqlType.liquibase("timestamptz")).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(SqlType.liquibase("timestamptz(3)")).isEqualTo("TIMESTAMP(3) WITH TIME ZONE");
        assertThat(SqlType.liquibase("varchar(255)")).isEqualTo("VARCHAR(255)");
    }
}
