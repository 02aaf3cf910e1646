package com.auditeng.db.cli;

import com.auditeng.db.migrate.Blocker;
import com.auditeng.db.migrate.LockWait;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.RunListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an upgrade or downgrade did, for {@code --json}: each revision with its duration and its lock-wait retries;
 * and where it left the database.
 */
final class RunReport implements RunListener {
    private final List<Map<String, Object>> revisions = new ArrayList<>();
    private final List<Map<String, Object>> retries = new ArrayList<>();
    private Optional<RevisionId> current = Optional.empty();

    private long backfilledRows;

    @Override
    public void started(RevisionFile file) {
        retries.clear();
        backfilledRows = 0;
    }

    @Override
    public void backfilled(RevisionFile file, long rowsDone) {
        backfilledRows = rowsDone;
    }

    @Override
    public void retrying(LockWait wait) {
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("attempt", wait.attempt());
        retry.put("statement", wait.statement());
        retry.put("sql", wait.sql());
        retry.put("blockers", wait.blockers().stream().map(RunReport::blocker).toList());
        retry.put("retry_in_ms", wait.retryIn().toMillis());
        retries.add(retry);
    }

    @Override
    public void finished(RevisionFile file, Duration took) {
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("id", file.id().toString());
        revision.put("message", file.message());
        revision.put("file", file.fileName());
        revision.put("duration_ms", took.toMillis());
        revision.put("lock_retries", List.copyOf(retries));
        revision.put("backfilled_rows", backfilledRows);
        revisions.add(revision);
    }

    @Override
    public void ended(Optional<RevisionId> current) {
        this.current = current;
    }

    /** The revision the run left the database at; empty at base. */
    Optional<RevisionId> current() {
        return current;
    }

    /** {@code {"revisions": [...], "current": "NNNN" or null}}. */
    Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("revisions", revisions);
        document.put("current", current.map(Object::toString).orElse(null));
        return document;
    }

    private static Map<String, Object> blocker(Blocker blocker) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("pid", blocker.pid());
        shown.put("application_name", blocker.applicationName());
        shown.put("state", blocker.state());
        shown.put("seconds", blocker.inTransaction().toSeconds());
        shown.put("query", blocker.query());
        return shown;
    }
}
