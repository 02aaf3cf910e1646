package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.PlanCheck.Direction;
import com.auditeng.db.migrate.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every lint rule over the steps of revisions, in the order they run, keeping track of the schema they build:
 * a type change is judged against the type the column had before it, a SET NOT NULL against the checks validated
 * before it. Steps on a table the same revision creates are left out: a new table is empty and no running code
 * uses it yet. A finding whose change set accepts it ({@code lint-accept:}) is kept, marked accepted.
 */
public final class Linter {
    private static final LintRule ACCEPTANCE = new AcceptanceRule();
    private static final List<LintRule> RULES = List.of(new DropTableRule(), new DropColumnRule(),
            new NarrowingTypeRule(), new TypeRewriteRule(), new NotNullWithoutDefaultRule(), new VolatileDefaultRule(),
            new IndexWithoutConcurrentlyRule(), new DropIndexWithoutConcurrentlyRule(),
            new ReindexWithoutConcurrentlyRule(), new ConcurrentlyInTransactionRule(),
            new ForeignKeyWithoutNotValidRule(), new CheckWithoutNotValidRule(), new ValidateInSameTransactionRule(),
            new SetNotNullRule(), new UniqueConstraintRule(), new RenameRule());
    private static final Set<String> RULE_IDS = RULES.stream().map(LintRule::id).collect(Collectors.toSet());

    /** The ids of the rules, in the order they are checked. */
    public static List<String> ruleIds() {
        return RULES.stream().map(LintRule::id).toList();
    }

    public List<LintFinding> lint(CompiledRevision revision) {
        return lint(List.of(revision));
    }

    /** The findings of the upgrade steps of {@code revisions}, oldest first, knowing nothing of the schema before. */
    public List<LintFinding> lint(List<CompiledRevision> revisions) {
        return lint(revisions, SchemaFacts.NONE, Direction.UPGRADE);
    }

    /** The findings of the steps of {@code plan} in {@code direction}, starting from what {@code facts} know. */
    List<LintFinding> lint(List<CompiledRevision> plan, SchemaFacts facts, Direction direction) {
        SchemaState schema = new SchemaState(facts);
        List<LintFinding> findings = new ArrayList<>();
        for (CompiledRevision revision : plan) {
            schema.enterRevision(revision.transactional());
            Set<String> changeSetsRead = new HashSet<>();
            for (Step step : direction.stepsOf(revision)) {
                Acceptances acceptances = Acceptances.parse(step.comment(), RULE_IDS);
                if (changeSetsRead.add(step.changeSet())) {
                    acceptances.malformed().forEach(problem -> findings.add(new LintFinding(ACCEPTANCE, revision.file(),
                            "change set " + step.changeSet(), "", Optional.empty(), "lint-accept line " + problem,
                            ACCEPTANCE.saferForm(), Optional.empty(), Optional.empty())));
                }
                String statement = step.sql().replaceAll("\\s+", " ").strip();
                for (Operation operation : step.operations()) {
                    for (LintRule rule : RULES) {
                        rule.inspect(operation, schema)
                                .filter(problem -> rule.reportsNewTables() || !schema.isCreatedHere(problem.table()))
                                .map(problem -> finding(rule, revision, statement, problem, acceptances))
                                .ifPresent(findings::add);
                    }
                    schema.apply(operation);
                }
            }
        }
        return findings;
    }

    private static LintFinding finding(LintRule rule, CompiledRevision revision, String statement,
                                       LintRule.Problem problem, Acceptances acceptances) {
        LintFinding finding = new LintFinding(rule, revision.file(), statement, problem.table(), problem.column(),
                problem.description(), rule.saferForm(), problem.lossCondition(), Optional.empty());
        return acceptances.reasonFor(rule.id()).map(finding::accepted).orElse(finding);
    }
}
