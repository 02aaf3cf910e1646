package com.auditeng.db.autogen;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.UsageException;
import com.auditeng.db.migrate.RevisionFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * This branch's revision files: those the working tree adds to the migrations folder since the branch forked from a
 * base branch, committed or not, as git tells them. After the base was merged in, the fork point is the base's tip,
 * so the other branch's revisions are not among them. git is run as a command: no git library is on the class path,
 * and the three questions asked here are one line each.
 */
public final class BranchRevisions {
    private static final long TIMEOUT_SECONDS = 30;

    private BranchRevisions() {
    }

    public static List<String> since(Path folder, String base) {
        String forkPoint = git(folder, "merge-base", base, "HEAD").strip();
        TreeSet<String> added = new TreeSet<>();
        // the fork point against the working tree: committed and uncommitted additions to tracked files
        lines(git(folder, "diff", "--name-only", "--diff-filter=A", "--relative", forkPoint, "--", "."), added);
        lines(git(folder, "ls-files", "--others", "--exclude-standard", "--", "."), added);
        return added.stream().filter(name -> !name.contains("/")).filter(RevisionFile::isRevisionName).toList();
    }

    private static void lines(String text, TreeSet<String> into) {
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(into::add);
    }

    private static String git(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ConfigurationException("cannot run git to find this branch's revisions (" + e.getMessage()
                    + "); install git, or name the revision files: db rebase 0002_add_reviewer.yaml", e);
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ConfigurationException("git did not answer within " + TIMEOUT_SECONDS + " s; name the "
                        + "revision files: db rebase 0002_add_reviewer.yaml");
            }
            if (process.exitValue() != 0) {
                String reason = text.lines().findFirst().orElse("exit " + process.exitValue());
                throw new UsageException("cannot find this branch's revisions with git " + String.join(" ", arguments)
                        + " (" + reason + "); name the branch yours was merged with (--base origin/main), or name "
                        + "the revision files: db rebase 0002_add_reviewer.yaml");
            }
            return text;
        } catch (IOException e) {
            throw new ConfigurationException("cannot read git's answer (" + e.getMessage() + "); name the revision "
                    + "files: db rebase 0002_add_reviewer.yaml", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while git ran; name the revision files", e);
        }
    }
}
