package com.auditeng.db.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Revision files as a careless hand, a bad merge or a broken disk leaves them: real revisions with lines deleted,
 * duplicated, re-indented or swapped, values of the wrong type, unknown changes, odd labels and comments, truncated
 * text, binary garbage, and changelogs made up from Liquibase's vocabulary. Every choice comes from one
 * {@link Random}, so a seed replays a case exactly.
 */
final class RevisionMutator {
    static final List<Path> FIXTURE_ROOTS = List.of(Path.of("src/test/resources/fixtures"),
            Path.of("../migrate/src/main/resources/db/migrations"));

    private static final List<String> WRONG_VALUES = List.of("[1, 2]", "{a: b}", "123", "true", "null", "~", "\"\"",
            "-1", "0", "1.5e308", "99999999999999999999999999999", "-9223372036854775809", "[]", "{}", "!!binary AAAA",
            "&anchor x", "*nowhere", "'unclosed", "\"\\u0000\"", "|", ">-", "? complex", "@reserved", "`tick`");
    private static final List<String> ODD_TEXT = List.of("é", "日本語", "😀", "\u202Eevil", "\u0000", "\uFEFF",
            "\\", "\"", "'", "#", ": ", "- ", "\t", "%", "${property}", "${", "VARCHAR(2147483648)",
            "NUMERIC(1000,999)",
            "x".repeat(300), "\r", "\u2028", "🏳️‍🌈");
    private static final List<String> CHANGE_TYPES = List.of("createTable", "addColumn", "dropColumn", "dropTable",
            "createIndex", "dropIndex", "sql", "update", "insert", "delete", "renameColumn", "renameTable",
            "modifyDataType", "addNotNullConstraint", "dropNotNullConstraint", "addDefaultValue", "dropDefaultValue",
            "addForeignKeyConstraint", "dropForeignKeyConstraint", "addUniqueConstraint", "tagDatabase", "sqlFile",
            "loadData", "createView", "createSequence", "output", "empty", "stop", "frobnicate", "customChange",
            "executeCommand", "include", "includeAll", "preConditions");
    private static final List<String> ATTRIBUTES = List.of("tableName", "columnName", "name", "type", "indexName",
            "unique", "columns", "column", "constraints", "nullable", "primaryKey", "sql", "where", "value",
            "valueComputed", "defaultValue", "defaultValueComputed", "newDataType", "oldColumnName", "newColumnName",
            "baseTableName", "baseColumnNames", "referencedTableName", "referencedColumnNames", "constraintName",
            "tag", "path", "splitStatements", "endDelimiter", "schemaName", "onDelete", "deleteCascade", "file");
    private static final List<String> LABELS = List.of("expand", "contract", "expand, contract", "\"\"", "[expand]",
            "{phase: expand}", "\"!expand\"", "expand and contract", "123", "\"expand,,\"", "EXPAND", "expand or x",
            "\"(expand)\"", "null", "~", "contract,contract", "\"expand \"", "日本語");
    private static final List<String> TRANSACTION_VALUES = List.of("false", "true", "maybe", "0", "1", "\"false\"",
            "[false]", "null", "FALSE", "no", "off");
    private static final List<String> COMMENTS = List.of("lint-accept:", "lint-accept: nosuchrule because",
            "lint-accept: set-not-null", "lint-accept: set-not-null ", "lint-accept: drop-table 日本語 😀",
            "lint-accept: lint-accept: lint-accept:", "\"lint-accept: drop-column\\nlint-accept: x y\"",
            "|-\n        lint-accept: index-concurrently reason\n        lint-accept:",
            "backfill batch=0", "backfill batch=-5", "backfill batch=99999999999999999999", "backfill pause=xyz",
            "backfill batch=", "backfill pause=-1s", "backfill batch=10 pause=99999999999999d", "[lint-accept]",
            "{lint-accept: x}", "\"\\u0000lint-accept: rename x\"", "backfill", "lint-accept: * everything");

    private final Random random;

    RevisionMutator(Random random) {
        this.random = random;
    }

    /** Every revision file under the fixture roots, in a stable order so that a seed picks the same ones. */
    static List<Path> fixtureFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : FIXTURE_ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> path.toString().endsWith(".yaml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The bytes of a revision file: mutated real text most of the time, now and then something else entirely. */
    byte[] revision(String original, List<String> applied) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            applied.add("empty file");
            return new byte[0];
        }
        if (kind == 1) {
            applied.add("binary garbage");
            byte[] garbage = new byte[random.nextInt(2000)];
            random.nextBytes(garbage);
            return garbage;
        }
        if (kind == 2) {
            applied.add("made-up changelog");
            return madeUp().getBytes(StandardCharsets.UTF_8);
        }
        String text = original;
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            text = mutate(text, applied);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String mutate(String text, List<String> applied) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.isEmpty()) {
            lines.add("");
        }
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(13)) {
            case 0 -> {
                applied.add("delete line " + (at + 1));
                lines.remove(at);
            }
            case 1 -> {
                applied.add("duplicate line " + (at + 1));
                lines.add(at, line);
            }
            case 2 -> {
                String indent = random.nextBoolean() ? "\t" : " ".repeat(1 + random.nextInt(4));
                boolean deeper = random.nextBoolean() || !line.startsWith(" ");
                applied.add((deeper ? "indent" : "dedent") + " line " + (at + 1));
                lines.set(at, deeper ? indent + line : line.substring(Math.min(line.length(), 1 + random.nextInt(4))));
            }
            case 3 -> {
                int other = random.nextInt(lines.size());
                applied.add("swap lines " + (at + 1) + " and " + (other + 1));
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
            case 4 -> {
                String value = pick(WRONG_VALUES);
                applied.add("value of line " + (at + 1) + " becomes " + value);
                lines.set(at, replaceValue(line, value));
            }
            case 5 -> {
                String type = pick(CHANGE_TYPES);
                applied.add("change type on line " + (at + 1) + " becomes " + type);
                lines.set(at, line.replaceFirst("- [A-Za-z]+:", "- " + type + ":"));
                lines.add(Math.min(lines.size(), at + 1), "        - " + pick(CHANGE_TYPES) + ": {"
                        + pick(ATTRIBUTES) + ": " + pick(WRONG_VALUES) + "}");
            }
            case 6 -> {
                int cut = random.nextInt(text.length() + 1);
                applied.add("truncate at character " + cut);
                return text.substring(0, cut);
            }
            case 7 -> {
                String odd = pick(ODD_TEXT);
                int position = random.nextInt(line.length() + 1);
                applied.add("insert " + escaped(odd) + " in line " + (at + 1));
                lines.set(at, line.substring(0, position) + odd + line.substring(position));
            }
            case 8 -> {
                String number = pick(List.of("99999999999999999999999999", "2147483648", "-2147483649", "1e400",
                        "0x7fffffffffffffff", "NaN", "-0"));
                applied.add("numbers of line " + (at + 1) + " become " + number);
                lines.set(at, line.replaceAll("\\d+", number));
            }
            case 9 -> {
                String labels = pick(LABELS);
                applied.add("labels: " + labels);
                insertIntoChangeSet(lines, "labels: " + labels);
            }
            case 10 -> {
                String value = pick(TRANSACTION_VALUES);
                applied.add("runInTransaction: " + value);
                insertIntoChangeSet(lines, "runInTransaction: " + value);
            }
            case 11 -> {
                String comment = pick(COMMENTS);
                applied.add("comment: " + escaped(comment));
                insertIntoChangeSet(lines, "comment: " + comment);
            }
            default -> {
                applied.add("replace line " + (at + 1) + " with made-up YAML");
                lines.set(at, " ".repeat(random.nextInt(12)) + (random.nextBoolean() ? "- " : "")
                        + pick(ATTRIBUTES) + ": " + pick(WRONG_VALUES));
            }
        }
        return String.join("\n", lines) + (random.nextInt(10) == 0 ? "" : "\n");
    }

    /** Adds {@code entry} to a random change set, at the indentation of its {@code id:} line. */
    private void insertIntoChangeSet(List<String> lines, String entry) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("id:")) {
                ids.add(i);
            }
        }
        if (ids.isEmpty()) {
            lines.add("      " + entry);
            return;
        }
        int id = ids.get(random.nextInt(ids.size()));
        String indent = lines.get(id).substring(0, lines.get(id).indexOf("id:"));
        lines.add(id + 1, indent + entry);
    }

    private String replaceValue(String line, String value) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line + ": " + value : line.substring(0, colon + 2) + value;
    }

    /** A changelog assembled from Liquibase's words: some valid, most not. */
    private String madeUp() {
        StringBuilder yaml = new StringBuilder(random.nextBoolean() ? "databaseChangeLog:\n" : "");
        int changeSets = random.nextInt(4);
        for (int i = 0; i < changeSets; i++) {
            yaml.append("  - changeSet:\n");
            if (random.nextInt(5) > 0) {
                yaml.append("      id: ").append(random.nextInt(5) == 0 ? pick(WRONG_VALUES) : "set-" + i).append('\n');
            }
            if (random.nextInt(5) > 0) {
                yaml.append("      author: fuzz\n");
            }
            if (random.nextInt(4) == 0) {
                yaml.append("      labels: ").append(pick(LABELS)).append('\n');
            }
            if (random.nextInt(4) == 0) {
                yaml.append("      runInTransaction: ").append(pick(TRANSACTION_VALUES)).append('\n');
            }
            if (random.nextInt(4) == 0) {
                yaml.append("      comment: ").append(pick(COMMENTS)).append('\n');
            }
            yaml.append(random.nextInt(8) == 0 ? "      rollback:\n" : "      changes:\n");
            int changes = random.nextInt(4);
            for (int j = 0; j < changes; j++) {
                yaml.append("        - ").append(pick(CHANGE_TYPES)).append(":");
                int attributes = random.nextInt(5);
                if (attributes == 0) {
                    yaml.append(' ').append(pick(WRONG_VALUES)).append('\n');
                    continue;
                }
                yaml.append('\n');
                for (int k = 0; k < attributes; k++) {
                    String value = random.nextBoolean() ? pick(WRONG_VALUES)
                            : random.nextBoolean() ? "gauges" : "x" + pick(ODD_TEXT).replace("\n", "");
                    yaml.append("            ").append(pick(ATTRIBUTES)).append(": ").append(value).append('\n');
                }
            }
        }
        return yaml.toString();
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return out.toString();
    }
}
