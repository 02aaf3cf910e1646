package com.auditeng.db.diagram;

import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an entity-relationship diagram of a schema shows: each table with its columns and their key markers, and a
 * relationship per foreign key. Parents come before the tables that refer to them, so both renderings read in the
 * direction the foreign keys point from.
 */
public record Diagram(List<Entity> entities, List<Relationship> relationships) {

    public Diagram {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
    }

    public static Diagram of(SchemaSnapshot schema) {
        Map<String, Integer> layers = new HashMap<>();
        schema.tables().keySet().forEach(name -> layer(schema, name, layers, new HashSet<>()));
        List<Table> tables = schema.tables().values().stream()
                .sorted(Comparator.comparing((Table table) -> layers.get(table.name())).thenComparing(Table::name))
                .toList();
        List<Relationship> relationships = new ArrayList<>();
        for (Table table : tables) {
            table.foreignKeys().values().forEach(key -> relationships.add(Relationship.of(table, key)));
        }
        return new Diagram(tables.stream().map(Entity::of).toList(), relationships);
    }

    public Optional<Entity> entity(String name) {
        return entities.stream().filter(entity -> entity.name().equals(name)).findFirst();
    }

    /**
     * How many foreign keys lie between a table and a table that refers to nothing: 0 for users, 3 for findings.
     * A cycle of foreign keys is cut where it closes, so every table gets a layer.
     */
    private static int layer(SchemaSnapshot schema, String name, Map<String, Integer> layers, Set<String> visiting) {
        Integer known = layers.get(name);
        if (known != null) {
            return known;
        }
        if (!visiting.add(name)) {
            return 0;
        }
        int layer = 0;
        for (ForeignKey key : schema.tables().get(name).foreignKeys().values()) {
            if (!key.referencedTable().equals(name) && schema.tables().containsKey(key.referencedTable())) {
                layer = Math.max(layer, 1 + layer(schema, key.referencedTable(), layers, visiting));
            }
        }
        visiting.remove(name);
        layers.put(name, layer);
        return layer;
    }

    /** A table, with its columns in the order they were created. */
    public record Entity(String name, List<Attribute> attributes) {
        public Entity {
            attributes = List.copyOf(attributes);
        }

        static Entity of(Table table) {
            List<String> primary = table.primaryKey().map(PrimaryKey::columns).orElse(List.of());
            Set<String> foreign = new HashSet<>();
            table.foreignKeys().values().forEach(key -> foreign.addAll(key.columns()));
            // only a single-column unique index makes its column unique; (a, b) unique says nothing about a alone
            Set<String> unique = new HashSet<>();
            table.indexes().values().stream().filter(Index::unique).filter(index -> index.columns().size() == 1)
                    .forEach(index -> unique.add(index.columns().get(0)));
            List<Attribute> attributes = table.columns().values().stream().map(column -> {
                List<Key> keys = new ArrayList<>();
                if (primary.contains(column.name())) {
                    keys.add(Key.PK);
                }
                if (foreign.contains(column.name())) {
                    keys.add(Key.FK);
                }
                if (unique.contains(column.name())) {
                    keys.add(Key.UK);
                }
                return new Attribute(column.name(), column.type(), column.nullable(), keys);
            }).toList();
            return new Entity(table.name(), attributes);
        }

        public Optional<Attribute> attribute(String columnName) {
            return attributes.stream().filter(attribute -> attribute.name().equals(columnName)).findFirst();
        }
    }

    /** A column: its type as {@code SqlType} spells it, and the keys it takes part in. */
    public record Attribute(String name, String type, boolean nullable, List<Key> keys) {
        public Attribute {
            keys = List.copyOf(keys);
        }
    }

    /** The key markers of Mermaid's erDiagram, which the SVG shows too. */
    public enum Key { PK, FK, UK }
}
