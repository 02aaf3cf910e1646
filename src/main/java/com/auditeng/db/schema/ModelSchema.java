package com.auditeng.db.schema;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema the entities describe, read from Hibernate's boot metadata for PostgreSQL without any connection.
 *
 * <p>The unnamed check Hibernate adds to every {@code @Enumerated} column is named {@code ck_<table>_<column>}: the
 * enum's constants are the values the column allows. Left out is the unique key of a {@code @OneToOne} column already
 * covered by a unique index. The primary key is named {@code pk_<table>}, as Jakarta Persistence cannot name it.
 */
public final class ModelSchema {
    private ModelSchema() {
    }

    /** The schema of the entity classes in {@code packageName}. */
    public static SchemaSnapshot ofPackage(String packageName) {
        return of(EntityPackage.classes(packageName));
    }

    /** The schema of exactly these entity classes (their mapped superclasses and embeddables come along). */
    public static SchemaSnapshot of(List<Class<?>> entities) {
        ConventionNamingStrategy naming = new ConventionNamingStrategy();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                // no connection: the dialect comes from the product name, and nothing asks JDBC for defaults
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
                .applySetting("jakarta.persistence.database-major-version", "17")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.getMetadataBuilder().applyImplicitNamingStrategy(naming).build();
            List<Table> tables = new ArrayList<>();
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                for (org.hibernate.mapping.Table table : namespace.getTables()) {
                    if (table.isPhysicalTable()) {
                        tables.add(table(table, metadata, naming));
                    }
                }
            }
            return SchemaSnapshot.of(tables);
        } catch (RuntimeException e) {
            if (e instanceof ProblemFoundException problem) {
                throw problem;
            }
            throw new ProblemFoundException("the entities cannot be mapped (" + firstLine(e) + "); fix the entity "
                    + "annotations named there", e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static Table table(org.hibernate.mapping.Table table, Metadata metadata, ConventionNamingStrategy naming) {
        String name = name(table);
        Map<String, Column> columns = new LinkedHashMap<>();
        Optional<PrimaryKey> primaryKey = Optional.empty();
        if (table.getPrimaryKey() != null && !table.getPrimaryKey().getColumns().isEmpty()) {
            List<String> keyColumns = table.getPrimaryKey().getColumns().stream().map(ModelSchema::name).toList();
            primaryKey = Optional.of(new PrimaryKey(physical("pk_" + name, true), keyColumns));
            // the key first: a new table reads best with its key as the first column
            for (org.hibernate.mapping.Column column : table.getPrimaryKey().getColumns()) {
                columns.put(name(column), column(column, metadata));
            }
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            columns.putIfAbsent(name(column), column(column, metadata));
        }
        return new Table(name, columns, primaryKey, indexes(table, naming), foreignKeys(table), checks(table));
    }

    private static Column column(org.hibernate.mapping.Column column, Metadata metadata) {
        Optional<SqlExpression> defaultValue = Optional.ofNullable(column.getDefaultValue()).map(SqlExpression::of);
        return new Column(name(column), SqlType.normalize(column.getSqlType(metadata)), column.isNullable(),
                defaultValue);
    }

    private static TreeMap<String, Index> indexes(org.hibernate.mapping.Table table, ConventionNamingStrategy naming) {
        TreeMap<String, Index> indexes = new TreeMap<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            indexes.put(name(index.getName()), index(name(index.getName()), index.getSelectables(),
                    index.getSelectableOrderMap(), index.isUnique(), false));
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            boolean constraint = !naming.isUniqueIndex(table.getName(), key.getName());
            indexes.put(name(key.getName()), index(name(key.getName()), List.copyOf(key.getColumns()),
                    key.getColumnOrderMap(), true, constraint));
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            // @Column(unique = true) and @OneToOne mark the column; a unique index or key on it alone already says it
            boolean covered = indexes.values().stream()
                    .anyMatch(index -> index.unique() && index.columns().equals(List.of(name(column))));
            boolean isKey = table.getPrimaryKey() != null && table.getPrimaryKey().getColumns().size() == 1
                    && table.getPrimaryKey().getColumns().get(0).equals(column);
            if (column.isUnique() && !covered && !isKey) {
                String name = physical("uq_" + name(table) + "_" + name(column), true);
                indexes.put(name, new Index(name, List.of(name(column)), true, true));
            }
        }
        return indexes;
    }

    /**
     * An index of {@code selectables}. Hibernate reads {@code columnList = "created_at DESC"} as a column and an
     * order; what else an entry says ({@code "title text_pattern_ops DESC NULLS FIRST"}) it keeps as the column's
     * name, so that the first word is the column and the rest its options.
     */
    private static Index index(String name, List<? extends Selectable> selectables,
                               Map<? extends Selectable, String> orders, boolean unique, boolean constraint) {
        List<String> columns = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (Selectable selectable : selectables) {
            String[] words = name(selectable).strip().split("\\s+", 2);
            columns.add(words[0]);
            options.add(indexOptions((words.length > 1 ? words[1] : "") + " "
                    + Optional.ofNullable(orders.get(selectable)).orElse("")));
        }
        return new Index(name, columns, unique, constraint, options);
    }

    /**
     * Index column options as the catalog reader spells them: an operator class, DESC, and NULLS only where it is
     * not the order's default (NULLS LAST ascending, NULLS FIRST descending).
     */
    private static String indexOptions(String text) {
        List<String> words = new ArrayList<>(List.of(text.strip().toUpperCase(Locale.ROOT).split("\\s+")));
        words.removeIf(String::isEmpty);
        boolean descending = words.remove("DESC");
        words.remove("ASC");
        String nulls = "";
        int at = words.indexOf("NULLS");
        if (at >= 0 && at + 1 < words.size()) {
            nulls = words.get(at + 1);
            words.subList(at, at + 2).clear();
        }
        List<String> options = new ArrayList<>(words.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList());
        if (descending) {
            options.add("DESC");
        }
        if (nulls.equals(descending ? "LAST" : "FIRST")) {
            options.add("NULLS " + nulls);
        }
        return String.join(" ", options);
    }

    private static TreeMap<String, ForeignKey> foreignKeys(org.hibernate.mapping.Table table) {
        TreeMap<String, ForeignKey> foreignKeys = new TreeMap<>();
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || key.getReferencedTable() == null) {
                continue;
            }
            List<org.hibernate.mapping.Column> referenced = key.isReferenceToPrimaryKey()
                    ? key.getReferencedTable().getPrimaryKey().getColumns() : key.getReferencedColumns();
            foreignKeys.put(name(key.getName()), new ForeignKey(name(key.getName()),
                    key.getColumns().stream().map(ModelSchema::name).toList(), name(key.getReferencedTable()),
                    referenced.stream().map(ModelSchema::name).toList(), onDelete(key.getOnDeleteAction())));
        }
        return foreignKeys;
    }

    private static String onDelete(org.hibernate.annotations.OnDeleteAction action) {
        if (action == null) {
            return "NO ACTION";
        }
        return switch (action) {
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
            case RESTRICT -> "RESTRICT";
            case NO_ACTION -> "NO ACTION";
        };
    }

    private static TreeMap<String, Check> checks(org.hibernate.mapping.Table table) {
        TreeMap<String, Check> checks = new TreeMap<>();
        for (CheckConstraint check : table.getChecks()) {
            String name = isNamed(check) ? name(check.getName())
                    : physical("ck_" + name(table) + "_" + firstColumnIn(table, check), true);
            checks.put(name, new Check(name, SqlExpression.of(check.getConstraint())));
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            for (CheckConstraint check : column.getCheckConstraints()) {
                if (isNamed(check)) {
                    checks.put(name(check.getName()),
                            new Check(name(check.getName()), SqlExpression.of(check.getConstraint())));
                }
            }
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            for (CheckConstraint check : column.getCheckConstraints()) {
                if (!isNamed(check)) {
                    enumCheck(table, column, check, checks);
                }
            }
        }
        return checks;
    }

    /**
     * An unnamed column check is the one Hibernate derives from an {@code @Enumerated} column's constants: it is
     * named {@code ck_<table>_<column>}, and it is the only check of that name, so that a new constant is a new
     * check and nobody keeps a list of the values beside the enum.
     */
    private static void enumCheck(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column,
                                  CheckConstraint check, TreeMap<String, Check> checks) {
        String name = physical("ck_" + name(table) + "_" + name(column), true);
        if (checks.containsKey(name)) {
            throw new ProblemFoundException("the check " + name + " of table " + name(table) + " takes the name of "
                    + "the check the constants of the enum of column " + name(column) + " make; remove that "
                    + "@CheckConstraint (the enum's constants are the values allowed) or name it otherwise");
        }
        checks.put(name, new Check(name, SqlExpression.of(check.getConstraint())));
    }

    private static boolean isNamed(CheckConstraint check) {
        return check.isNamed() && !check.getName().isBlank();
    }

    /** The column an unnamed check mentions first, to name it {@code ck_<table>_<column>}. */
    private static String firstColumnIn(org.hibernate.mapping.Table table, CheckConstraint check) {
        String first = "check";
        int firstAt = Integer.MAX_VALUE;
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            Matcher matcher = Pattern.compile("(?i)\\b" + Pattern.quote(column.getName()) + "\\b")
                    .matcher(check.getConstraint());
            if (matcher.find() && matcher.start() < firstAt) {
                first = name(column);
                firstAt = matcher.start();
            }
        }
        return first;
    }

    private static String name(org.hibernate.mapping.Table table) {
        return physical(table.getName(), table.isQuoted());
    }

    private static String name(Selectable selectable) {
        return selectable instanceof org.hibernate.mapping.Column column ? physical(column.getName(), column.isQuoted())
                : selectable.getText();
    }

    /** A constraint or index name as given; quoted with backticks or double quotes, it keeps its case. */
    private static String name(String given) {
        boolean quoted = given.length() > 1 && (given.startsWith("`") && given.endsWith("`")
                || given.startsWith("\"") && given.endsWith("\""));
        return physical(quoted ? given.substring(1, given.length() - 1) : given, quoted);
    }

    /**
     * The name PostgreSQL stores: an unquoted name folds to lower case, and any name is cut to 63 bytes
     * (NAMEDATALEN - 1), which the server does with a mere NOTICE; the catalog would otherwise never match.
     */
    private static String physical(String name, boolean quoted) {
        return SqlIdentifier.truncate(quoted ? name : name.toLowerCase(Locale.ROOT));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
