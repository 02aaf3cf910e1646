package com.auditeng.db.autogen;

import com.auditeng.db.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenameHintTest {

    @Test
    void parseReadsAColumnRenameAndATableRename() {
        assertThat(RenameHint.parse("users.email=mail"))
                .isEqualTo(new RenameHint(Optional.of("users"), "email", "mail"));
        assertThat(RenameHint.parse("users=people")).isEqualTo(new RenameHint(Optional.empty(), "users", "people"));
    }

    @Test
    void parseRefusesAnotherFormNamingBothForms() {
        assertThatThrownBy(() -> RenameHint.parse("users.email->mail"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("TABLE.OLD=NEW").hasMessageContaining("OLD=NEW");
    }

    @Test
    void aColumnHintNamingARenamedTableByItsOldNameFollowsTheTableRename() {
        List<RenameHint> hints = List.of(RenameHint.parse("users=people"), RenameHint.parse("users.email=mail"));

        assertThat(hints.get(1).afterTableRenames(hints)).isEqualTo(RenameHint.parse("people.email=mail"));
    }

    @Test
    void theStatementQuotesNamesPostgreSqlWouldMisread() {
        assertThat(RenameHint.parse("accounts.user=owner").sql())
                .isEqualTo("ALTER TABLE accounts RENAME COLUMN \"user\" TO owner");
    }
}
