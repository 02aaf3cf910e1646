package com.auditeng.db.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where caches live: per jar, replacing older jars' entries; per run of the suite, shared by its JVMs. */
class CacheFolderTest {

    @Test
    void theJvmsOfARunShareItsCacheFolder() throws IOException {
        String runFolder = System.getProperty(CacheFolder.RUN_FOLDER_PROPERTY, "");
        assertThat(runFolder).as("-D" + CacheFolder.RUN_FOLDER_PROPERTY + " set by the build").isNotBlank();
        String name = "folder-test-" + System.nanoTime();
        Path shared = Path.of(runFolder).resolve(name);
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("theirs"), "written by another JVM of the run");

        CacheFolder ours = CacheFolder.besideJar(CacheFolderTest.class, name);
        ours.write("ours", "ours".getBytes(StandardCharsets.UTF_8));

        assertThat(ours.read("theirs")).hasValueSatisfying(bytes -> assertThat(new String(bytes,
                StandardCharsets.UTF_8)).isEqualTo("written by another JVM of the run"));
        assertThat(shared.resolve("ours")).hasContent("ours");
    }

    @Test
    void eachRunOfTheSuiteHasAFolderOfItsOwn() {
        String runFolder = System.getProperty(CacheFolder.RUN_FOLDER_PROPERTY, "");

        assertThat(Path.of(runFolder).getFileName().toString()).as("the run's start, as the build names it")
                .matches("\\d{8}-\\d{6}-\\d{3}");
    }

    @Test
    void aNewJarsCacheRemovesTheCachesOfTheJarsBefore(@TempDir Path folder) {
        CacheFolder.in(folder.resolve("old-jar")).write("entry", new byte[] {1});

        CacheFolder.in(folder.resolve("new-jar")).write("entry", new byte[] {2});

        assertThat(folder.resolve("old-jar")).doesNotExist();
        assertThat(CacheFolder.in(folder.resolve("new-jar")).read("entry")).hasValueSatisfying(bytes ->
                assertThat(bytes).containsExactly(2));
    }
}
