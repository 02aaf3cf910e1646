package com.auditeng.db.schema;

import com.auditeng.db.ProblemFoundException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.unique.CreateTableUniqueDelegate;
import org.hibernate.dialect.unique.UniqueDelegate;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.tool.schema.internal.StandardIndexExporter;
import org.hibernate.tool.schema.internal.StandardTableExporter;
import org.hibernate.tool.schema.spi.Exporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL as Hibernate writes its DDL, with the conventions of SCHEMA.md that Jakarta Persistence cannot state:
 * the primary key is named {@code pk_<table>}; the check Hibernate derives from an {@code @Enumerated} column's
 * constants is named {@code ck_<table>_<column>} (an unnamed table check {@code ck_<table>_<first column it
 * mentions>}); an {@code @Index(unique = true)} is a unique index, not a unique constraint, and a unique column
 * covered by one is not made unique twice. An index column also keeps what its {@code columnList} entry says after
 * the name ({@code "title varchar_pattern_ops NULLS FIRST"}), which Hibernate would take for part of the name.
 */
final class ConventionDialect extends PostgreSQLDialect {
    // the oldest PostgreSQL the migrations run on: nothing in the DDL may need a newer one
    private static final DatabaseVersion OLDEST = DatabaseVersion.make(13);

    private final ConventionNamingStrategy naming;

    ConventionDialect(ConventionNamingStrategy naming) {
        super(OLDEST);
        this.naming = naming;
    }

    @Override
    public Exporter<Table> getTableExporter() {
        return new ConventionTableExporter();
    }

    @Override
    public Exporter<Index> getIndexExporter() {
        return new OptionsIndexExporter();
    }

    @Override
    public UniqueDelegate getUniqueDelegate() {
        return new ConventionUniqueDelegate();
    }

    private String conventional(String prefix, Table table, String suffix) {
        return Identifier.toIdentifier(prefix + table.getName() + suffix, table.isQuoted()).render(this);
    }

    private final class ConventionTableExporter extends StandardTableExporter {
        ConventionTableExporter() {
            super(ConventionDialect.this);
        }

        @Override
        public String[] getSqlCreateStrings(Table table, Metadata metadata, SqlStringGenerationContext context) {
            nameChecks(table);
            return super.getSqlCreateStrings(table, metadata, context);
        }

        @Override
        protected String primaryKeyString(PrimaryKey key) {
            return "constraint " + conventional("pk_", key.getTable(), "") + " " + super.primaryKeyString(key);
        }

        /** The enum checks and unnamed table checks of {@code table} named by convention. */
        private void nameChecks(Table table) {
            List<String> declared = new ArrayList<>();
            table.getChecks().stream().filter(CheckConstraint::isNamed).forEach(check -> declared.add(check.getName()));
            table.getColumns().forEach(column -> column.getCheckConstraints().stream().filter(CheckConstraint::isNamed)
                    .forEach(check -> declared.add(check.getName())));
            for (Column column : table.getColumns()) {
                for (CheckConstraint check : column.getCheckConstraints()) {
                    if (!check.isNamed()) {
                        String name = conventional("ck_", table, "_" + column.getName());
                        if (declared.stream().anyMatch(other -> other.equalsIgnoreCase(name))) {
                            throw new ProblemFoundException("the check " + name + " of table " + table.getName()
                                    + " takes the name of the check the constants of the enum of column "
                                    + column.getName() + " make; remove that @CheckConstraint (the enum's constants "
                                    + "are the values allowed) or name it otherwise");
                        }
                        check.setName(name);
                    }
                }
            }
            for (CheckConstraint check : table.getChecks()) {
                if (!check.isNamed()) {
                    check.setName(conventional("ck_", table, "_" + firstColumnIn(table, check)));
                }
            }
        }

        /** The column an unnamed check mentions first. */
        private static String firstColumnIn(Table table, CheckConstraint check) {
            String first = "check";
            int firstAt = Integer.MAX_VALUE;
            for (Column column : table.getColumns()) {
                Matcher matcher = Pattern.compile("(?i)\\b" + Pattern.quote(column.getName()) + "\\b")
                        .matcher(check.getConstraint());
                if (matcher.find() && matcher.start() < firstAt) {
                    first = column.getName();
                    firstAt = matcher.start();
                }
            }
            return first;
        }
    }

    private final class OptionsIndexExporter extends StandardIndexExporter {
        OptionsIndexExporter() {
            super(ConventionDialect.this);
        }

        @Override
        public String[] getSqlCreateStrings(Index index, Metadata metadata, SqlStringGenerationContext context) {
            List<String> elements = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                elements.add(element(index.getTable(), selectable.getText(),
                        Optional.ofNullable(index.getSelectableOrderMap().get(selectable)).orElse("")));
            }
            return new String[] {"create " + (index.isUnique() ? "unique " : "") + "index "
                    + Identifier.toIdentifier(index.getName()).render(ConventionDialect.this) + " on "
                    + context.format(index.getTable().getQualifiedTableName()) + " (" + String.join(", ", elements)
                    + ")"};
        }

        /** {@code entry} of a columnList: a column of {@code table}, then what follows its name there. */
        private String element(Table table, String entry, String order) {
            String[] words = entry.strip().split("\\s+", 2);
            String column = table.getColumns().stream()
                    .filter(candidate -> candidate.getName().equalsIgnoreCase(words[0])).findFirst()
                    .map(candidate -> candidate.getQuotedName(ConventionDialect.this)).orElse(words[0]);
            return (column + " " + (words.length > 1 ? words[1] : "") + " " + order).strip().replaceAll("\\s+", " ");
        }
    }

    private final class ConventionUniqueDelegate extends CreateTableUniqueDelegate {
        ConventionUniqueDelegate() {
            super(ConventionDialect.this);
        }

        // a unique column is made a constraint of its table below, unless a unique index or key already covers it
        @Override
        public String getColumnDefinitionUniquenessFragment(Column column, SqlStringGenerationContext context) {
            return "";
        }

        @Override
        public String getTableCreationUniqueConstraintsFragment(Table table, SqlStringGenerationContext context) {
            StringBuilder fragment = new StringBuilder();
            for (UniqueKey key : table.getUniqueKeys().values()) {
                if (!isIndex(table, key)) {
                    fragment.append(", constraint ").append(name(key)).append(" unique (").append(columns(key))
                            .append(")");
                }
            }
            for (Column column : table.getColumns()) {
                if (column.isUnique() && !isCovered(table, column) && !table.getPrimaryKey().containsColumn(column)) {
                    fragment.append(", constraint ").append(conventional("uq_", table, "_" + column.getName()))
                            .append(" unique (").append(column.getQuotedName(ConventionDialect.this)).append(")");
                }
            }
            return fragment.toString();
        }

        @Override
        public String getAlterTableToAddUniqueKeyCommand(UniqueKey key, Metadata metadata,
                                                         SqlStringGenerationContext context) {
            return isIndex(key.getTable(), key) ? "create unique index " + name(key) + " on "
                    + context.format(key.getTable().getQualifiedTableName()) + " (" + columns(key) + ")" : "";
        }

        private boolean isIndex(Table table, UniqueKey key) {
            return naming.isUniqueIndex(table.getName(), key.getName());
        }

        private static boolean isCovered(Table table, Column column) {
            return table.getUniqueKeys().values().stream().anyMatch(key -> key.getColumns().equals(List.of(column)))
                    || table.getIndexes().values().stream()
                    .anyMatch(index -> index.isUnique() && index.getSelectables().equals(List.of(column)));
        }

        private String name(UniqueKey key) {
            return Identifier.toIdentifier(key.getName()).render(ConventionDialect.this);
        }

        private String columns(UniqueKey key) {
            return key.getColumns().stream().map(column -> {
                String order = key.getColumnOrderMap().getOrDefault(column, "");
                return (column.getQuotedName(ConventionDialect.this) + " " + order).strip();
            }).collect(Collectors.joining(", "));
        }
    }
}
