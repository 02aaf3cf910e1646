package com.auditeng.db.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where caches live: per jar, replacing older jars' entries; per process of a run, beside the run's other ones. */
class CacheFolderTest {

    @Test
    void aRunsCacheLeavesTheCachesOfTheRunsOtherProcessesInPlace() throws IOException {
        String runFolder = System.getProperty(CacheFolder.RUN_FOLDER_PROPERTY, "");
        assertThat(runFolder).as("-D" + CacheFolder.RUN_FOLDER_PROPERTY + " set by the build").isNotBlank();
        String name = "folder-test-" + System.nanoTime();
        Path otherProcess = Path.of(runFolder).resolve(name).resolve("run-1");
        Files.createDirectories(otherProcess);
        Files.writeString(otherProcess.resolve("entry"), "theirs");

        CacheFolder ours = CacheFolder.besideJar(CacheFolderTest.class, name);
        ours.write("entry", "ours".getBytes(StandardCharsets.UTF_8));

        assertThat(ours.read("entry")).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("ours"));
        assertThat(otherProcess.resolve("entry")).hasContent("theirs");
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
