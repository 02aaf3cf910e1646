package com.auditeng.db.config;

import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SqlIdentifierTest {

    @Test
    void quoteLeavesBareEveryKeywordAColumnMayBeNamedWithAndNoOther() throws SQLException {
        try (Connection connection = TestDatabase.connect(TestDatabase.fresh());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT word, catcode IN ('U', 'C') FROM pg_get_keywords()")) {
            List<String> bare = new ArrayList<>();
            List<String> quoted = new ArrayList<>();
            while (rows.next()) {
                (rows.getBoolean(2) ? bare : quoted).add(rows.getString(1));
            }

            assertThat(bare).allSatisfy(word -> assertThat(SqlIdentifier.quote(word)).isEqualTo(word));
            assertThat(quoted).allSatisfy(word -> assertThat(SqlIdentifier.quote(word)).isEqualTo('"' + word + '"'));
        }
    }

    @Test
    void everyKeywordAndAnOddNameQuotedNamesAColumnExactlyAsWritten() throws SQLException {
        try (Connection connection = TestDatabase.connect(TestDatabase.fresh());
             Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>(List.of("Label", "say \"hi\"", "2nd", "naïve", "x$y"));
            try (ResultSet rows = statement.executeQuery("SELECT word FROM pg_get_keywords()")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }

            statement.execute("CREATE TABLE named (" + names.stream().map(name -> SqlIdentifier.quote(name) + " int")
                    .collect(Collectors.joining(", ")) + ")");

            List<String> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT attname FROM pg_attribute "
                    + "WHERE attrelid = 'named'::regclass AND attnum > 0 ORDER BY attnum")) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            assertThat(columns).containsExactlyElementsOf(names);
        }
    }

    @Test
    void truncateKeepsTheFirst63BytesWithoutSplittingACharacter() {
        String name = "ck_" + "é".repeat(40);

        String kept = SqlIdentifier.truncate(name);

        assertThat(kept).isEqualTo("ck_" + "é".repeat(30));
        assertThat(SqlIdentifier.truncate("ck_short")).isEqualTo("ck_short");
    }
}
