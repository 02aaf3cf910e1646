package com.auditeng.db.migrate;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    @Test
    void downgradeToBaseLeavesOnlyTheTrackingTable() {
        DatabaseUrl url = TestDatabase.fresh();
        Catalog catalog = new Catalog(url);
        MigrationRunner runner = Migrations.runner(url);
        runner.upgrade(Target.parse("head"), applied -> { });

        runner.downgrade(Target.parse("base"), reverted -> { });

        assertThat(catalog.objects()).containsExactly("i auditeng_revision_pkey", "r auditeng_revision");
        assertThat(catalog.constraints()).containsExactly(
                "auditeng_revision_pkey p on auditeng_revision: PRIMARY KEY (revision)");
        assertThat(catalog.rows("SELECT count(*) FROM auditeng_revision")).containsExactly("0");
        assertThat(runner.current()).isEmpty();
    }

    @Test
    void upgradeDowngradeUpgradeBuildsTheSameCatalog() {
        DatabaseUrl url = TestDatabase.fresh();
        Catalog catalog = new Catalog(url);
        MigrationRunner runner = Migrations.runner(url);
        runner.upgrade(Target.parse("head"), applied -> { });
        List<String> first = snapshot(catalog);

        runner.downgrade(Target.parse("base"), reverted -> { });
        runner.upgrade(Target.parse("head"), applied -> { });

        assertThat(snapshot(catalog)).isEqualTo(first);
        assertThat(runner.current()).contains(new RevisionId(1));
    }

    private static List<String> snapshot(Catalog catalog) {
        List<String> all = new java.util.ArrayList<>(catalog.columns());
        all.addAll(catalog.indexes());
        all.addAll(catalog.constraints());
        return all;
    }
}
