package com.auditeng.db.migrate;

import com.auditeng.db.UsageException;

import java.util.List;

/**
 * The SQL of an upgrade or downgrade, written out instead of run ({@code --sql}): for a DBA to review, or to pipe
 * into {@code psql -v ON_ERROR_STOP=1}. It needs no database, so a range is read as {@code FROM:TO}; without FROM an
 * upgrade starts at base and a downgrade at head.
 */
public final class OfflineScript {
    private final Revisions revisions;
    private final RevisionCompiler compiler;

    public OfflineScript(Revisions revisions, RevisionCompiler compiler) {
        this.revisions = revisions;
        this.compiler = compiler;
    }

    public String upgrade(String range) {
        int[] positions = positions(range, Target.BASE_POSITION);
        if (positions[1] < positions[0]) {
            throw new UsageException("range " + range + " goes down; use 'db downgrade " + range + " --sql'");
        }
        StringBuilder script = header("upgrade", range);
        script.append(History.CREATE_TABLE).append(";\n").append(History.ADD_PHASE).append(";\n");
        for (RevisionFile file : revisions.all().subList(positions[0] + 1, positions[1] + 1)) {
            CompiledRevision revision = compiler.compile(file);
            append(script, revision, revision.upgrade(), History.recordLiteral(file, revision.phase()));
        }
        return script.toString();
    }

    public String downgrade(String range) {
        int[] positions = positions(range, revisions.all().size() - 1);
        if (positions[1] > positions[0]) {
            throw new UsageException("range " + range + " goes up; use 'db upgrade " + range + " --sql'");
        }
        StringBuilder script = header("downgrade", range);
        for (int i = positions[0]; i > positions[1]; i--) {
            CompiledRevision revision = compiler.compile(revisions.all().get(i));
            if (revision.irreversible().isPresent()) {
                throw new UsageException("revision " + revision.file().fileName() + " cannot be downgraded: "
                        + revision.irreversible().get());
            }
            append(script, revision, revision.downgrade(), History.forgetLiteral(revision.id()));
        }
        return script.toString();
    }

    private int[] positions(String range, int defaultFrom) {
        String[] parts = range.split(":", -1);
        if (parts.length > 2) {
            throw new UsageException("range '" + range + "' has more than one ':'; write FROM:TO, e.g. 0001:head");
        }
        int from = parts.length == 2 ? Target.parse(parts[0]).resolve(revisions, defaultFrom) : defaultFrom;
        int to = Target.parse(parts[parts.length - 1]).resolve(revisions, from);
        return new int[] {from, to};
    }

    private static StringBuilder header(String verb, String range) {
        return new StringBuilder("-- auditeng db ").append(verb).append(' ').append(range)
                .append(" --sql: apply with psql -v ON_ERROR_STOP=1 -f FILE\n");
    }

    private static void append(StringBuilder script, CompiledRevision revision, List<String> statements, String history) {
        script.append("\n-- ").append(revision.id()).append(' ').append(revision.file().message());
        if (!revision.transactional()) {
            script.append(" (runs outside a transaction)\n");
        } else {
            script.append("\nBEGIN;\n");
        }
        for (String sql : statements) {
            script.append(sql.strip()).append(sql.strip().endsWith(";") ? "\n" : ";\n");
        }
        script.append(history).append(";\n");
        if (revision.transactional()) {
            script.append("COMMIT;\n");
        }
    }
}
