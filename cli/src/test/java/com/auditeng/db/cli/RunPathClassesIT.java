package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the packaged jar loads on the everyday commands, from the JVM's own class-loading log
 * ({@code -Xlog:class+load}), run against a real database: with the revisions in the compiled-revision cache, no
 * Liquibase, Hibernate or YAML class (nor for {@code db check} once the entities' DDL is cached); for
 * {@code --version} and {@code --help}, not even the JDBC driver.
 */
class RunPathClassesIT {
    private static final List<String> LIBRARIES = List.of("liquibase.", "org.hibernate.", "org.yaml.snakeyaml.");
    private static final Pattern LOADED = Pattern.compile("\\]\\s+(\\S+)\\s+source:");

    @TempDir
    Path home;

    private DatabaseUrl url;

    @BeforeEach
    void compileTheRevisionsOnce() throws Exception {
        url = TestDatabase.fresh();
        // the first run of a revision compiles it with Liquibase into the cache beside the jar
        CliResult sql = Process.startJarOn(url.redacted(), home, "db", "upgrade", "--sql").await();
        assertThat(sql.exitCode()).as(sql.stderr()).isZero();
    }

    @Test
    void databaseCommandsLoadNoLiquibaseHibernateOrYaml() throws Exception {
        for (List<String> command : List.of(List.of("db", "current"), List.of("db", "upgrade"), List.of("db", "history"),
                List.of("db", "heads"), List.of("db", "current"), List.of("db", "stamp", "head"),
                List.of("db", "downgrade", "base"), List.of("db", "stamp", "0001"))) {
            List<String> loaded = classesLoadedBy(command);

            assertThat(loaded).as("the class-loading log of %s", command).contains("com.auditeng.db.cli.Main");
            assertThat(forbidden(loaded, LIBRARIES)).as("classes %s loaded", command).isEmpty();
        }
    }

    @Test
    void checkLoadsNoHibernateOnceTheEntitiesDdlIsCached() throws Exception {
        List<String> check = List.of("db", "check", "--scratch-url", TestDatabase.serverUrl().redacted());
        CliResult first = Process.startJarOn(url.redacted(), home, check.toArray(String[]::new)).await();
        assertThat(first.exitCode()).as(first.stderr()).isZero();

        List<String> loaded = classesLoadedBy(check);

        assertThat(loaded).contains("com.auditeng.db.schema.ModelSchema", "com.auditeng.db.schema.CatalogReader")
                .doesNotContain("com.auditeng.db.schema.HibernateDdl");
        assertThat(forbidden(loaded, LIBRARIES)).as("classes db check loaded").isEmpty();
    }

    @Test
    void theDatabaseCommandsDoLoadTheDriverSoTheLogIsRead() throws Exception {
        assertThat(classesLoadedBy(List.of("db", "current"))).contains("org.postgresql.Driver");
    }

    @Test
    void versionAndHelpLoadNoDatabaseDriver() throws Exception {
        List<String> forbidden = List.of("org.postgresql.", "liquibase.", "org.hibernate.", "org.yaml.snakeyaml.",
                "io.zonky.");
        for (List<String> command : List.of(List.of("--version"), List.of("--help"), List.of("db", "--help"))) {
            List<String> loaded = classesLoadedBy(command);

            assertThat(loaded).as("the class-loading log of %s", command).contains("com.auditeng.db.cli.Main");
            assertThat(forbidden(loaded, forbidden)).as("classes %s loaded", command).isEmpty();
        }
    }

    private List<String> classesLoadedBy(List<String> command) throws Exception {
        Path log = Files.createTempFile(home, "classes", ".log");
        CliResult result = Process.startJarOn(List.of("-Xlog:class+load=info:file=" + log), url.redacted(), home,
                command.toArray(String[]::new)).await();
        assertThat(result.exitCode()).as("%s: %s", command, result.stderr()).isZero();
        return Files.readAllLines(log).stream().map(LOADED::matcher).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).toList();
    }

    /** The loaded classes of the named packages: a failure lists them by name. */
    private static List<String> forbidden(List<String> loaded, List<String> packages) {
        return loaded.stream().filter(name -> packages.stream().anyMatch(name::startsWith)).toList();
    }
}
