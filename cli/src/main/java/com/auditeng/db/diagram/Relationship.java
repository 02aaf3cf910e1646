package com.auditeng.db.diagram;

import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.List;
import java.util.Locale;

/**
 * One foreign key read as a relationship between the referenced table ({@code parent}) and the referencing one
 * ({@code child}).
 *
 * @param parentOptional a child row may have no parent: a foreign key column is nullable
 * @param childUnique    a parent row has at most one child: a unique key of the child lies within the foreign key
 * @param identifying    the foreign key is part of the child's primary key, so a child cannot exist without it
 */
public record Relationship(String parent, List<String> parentColumns, String child, List<String> columns,
                           String onDelete, boolean parentOptional, boolean childUnique, boolean identifying) {

    public Relationship {
        parentColumns = List.copyOf(parentColumns);
        columns = List.copyOf(columns);
    }

    static Relationship of(Table child, ForeignKey key) {
        boolean optional = key.columns().stream()
                .anyMatch(name -> child.column(name).map(Column::nullable).orElse(true));
        boolean unique = child.primaryKey().map(PrimaryKey::columns).filter(key.columns()::containsAll).isPresent()
                || child.indexes().values().stream().filter(Index::unique)
                        .anyMatch(index -> key.columns().containsAll(index.columns()));
        boolean identifying = child.primaryKey().map(PrimaryKey::columns)
                .filter(primary -> primary.containsAll(key.columns())).isPresent();
        return new Relationship(key.referencedTable(), key.referencedColumns(), child.name(), key.columns(),
                key.onDelete(), optional, unique, identifying);
    }

    /** How many parent rows one child row has. */
    public String parentMultiplicity() {
        return parentOptional ? "0..1" : "1";
    }

    /** How many child rows one parent row has. */
    public String childMultiplicity() {
        return childUnique ? "0..1" : "0..*";
    }

    /** The foreign key's columns, which name the relationship better than a made-up verb. */
    public String label() {
        return String.join(", ", columns);
    }

    public String onDeleteLabel() {
        return "on delete " + onDelete.toLowerCase(Locale.ROOT);
    }
}
