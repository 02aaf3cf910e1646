package com.auditeng.db.safety;

import com.auditeng.db.migrate.RevisionFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One revision as a lock trace ran it: the rows it found, each statement's locks and rewrites, the ACCESS
 * EXCLUSIVE locks held to the commit, and the problems those holds make.
 */
public record RevisionTrace(RevisionFile file, boolean transactional, List<TableFill> tables,
                            List<StatementTrace> statements, List<AccessExclusiveHold> holds,
                            List<LockProblem> problems) {
    // a statement this slow under an ACCESS EXCLUSIVE lock already queues traffic on 1,000 rows; more on a real table
    static final Duration SLOW = Duration.ofMillis(50);

    public RevisionTrace {
        tables = List.copyOf(tables);
        statements = List.copyOf(statements);
        holds = List.copyOf(holds);
        problems = List.copyOf(problems);
    }

    /** Works out, for a revision run in one transaction, which ACCESS EXCLUSIVE locks later statements ran under. */
    static RevisionTrace ofTransaction(RevisionFile file, List<TableFill> tables, List<StatementTrace> ran,
                                       Duration committedAt) {
        Map<String, StatementTrace> takers = new LinkedHashMap<>();
        for (StatementTrace statement : ran) {
            statement.locks().stream().filter(RelationLock::isAccessExclusive)
                    .forEach(lock -> takers.putIfAbsent(lock.relation(), statement));
        }
        List<StatementTrace> statements = new ArrayList<>();
        for (StatementTrace statement : ran) {
            Optional<StatementTrace> first = takers.values().stream()
                    .filter(taker -> taker.number() < statement.number()).findFirst();
            statements.add(first.map(statement::heldUnder).orElse(statement));
        }
        List<AccessExclusiveHold> holds = new ArrayList<>();
        List<LockProblem> problems = new ArrayList<>();
        for (StatementTrace taker : takers.values().stream().distinct().toList()) {
            List<String> relations = takers.entrySet().stream().filter(entry -> entry.getValue() == taker)
                    .map(Map.Entry::getKey).toList();
            List<StatementTrace> later = ran.stream().filter(each -> each.number() > taker.number()).toList();
            holds.add(new AccessExclusiveHold(relations, taker.number(), committedAt.minus(taker.startedAt()),
                    later.stream().map(StatementTrace::number).toList()));
            for (StatementTrace statement : later) {
                scanning(statement).ifPresent(scan -> problems.add(new LockProblem(file, statement.number(),
                        statement.sql(), relations.get(0), taker.number(), scan.what(),
                        scan.saferForm(statement.number()))));
            }
        }
        return new RevisionTrace(file, true, tables, statements, holds, problems);
    }

    /** A revision run outside a transaction: each statement commits alone, so no lock outlives its statement. */
    static RevisionTrace ofSingleStatements(RevisionFile file, List<TableFill> tables, List<StatementTrace> ran) {
        return new RevisionTrace(file, false, tables, ran, List.of(), List.of());
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** What makes a statement a problem under a lock taken before it: a rewrite, its kind, or its duration. */
    private static Optional<ScanningStatement> scanning(StatementTrace statement) {
        if (!statement.rewritten().isEmpty()) {
            return Optional.of(ScanningStatement.rewriting(String.join(", ", statement.rewritten())));
        }
        Optional<ScanningStatement> kind = ScanningStatement.of(statement.sql());
        if (kind.isPresent()) {
            return kind;
        }
        if (statement.duration().compareTo(SLOW) >= 0) {
            return Optional.of(ScanningStatement.slow(statement.duration().toMillis()));
        }
        return Optional.empty();
    }
}
