package com.auditeng.db.diagram;

import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The relationship rules, on schemas built in memory: no database is needed to draw one. */
class DiagramTest {

    @Test
    void parentsComeFirstWhateverTheirNames() {
        SchemaSnapshot schema = SchemaSnapshot.of(List.of(
                table("a_reading", List.of(column("id", false), column("z_meter_id", false)), List.of("id"),
                        List.of(), List.of(key("a_reading", "z_meter_id", "z_meter"))),
                table("z_meter", List.of(column("id", false)), List.of("id"), List.of(), List.of())));

        Diagram diagram = Diagram.of(schema);

        assertThat(diagram.entities()).extracting(Diagram.Entity::name).containsExactly("z_meter", "a_reading");
    }

    @Test
    void aNullableForeignKeyHasZeroOrOneParent() {
        SchemaSnapshot schema = SchemaSnapshot.of(List.of(
                table("teams", List.of(column("id", false)), List.of("id"), List.of(), List.of()),
                table("people", List.of(column("id", false), column("team_id", true)), List.of("id"), List.of(),
                        List.of(key("people", "team_id", "teams")))));

        String mermaid = MermaidDiagram.render(Diagram.of(schema));

        assertThat(mermaid).endsWith("    teams |o..o{ people : \"team_id\"\n");
    }

    @Test
    void aForeignKeyInsideTheChildsPrimaryKeyIsIdentifyingAndAMultiColumnUniqueIndexMarksNoColumn() {
        SchemaSnapshot schema = SchemaSnapshot.of(List.of(
                table("tags", List.of(column("id", false)), List.of("id"), List.of(), List.of()),
                table("task_tags", List.of(column("tag_id", false), column("position", false)),
                        List.of("tag_id", "position"), List.of(new Index("ix_task_tags", List.of("position",
                                "tag_id"), true, false)), List.of(key("task_tags", "tag_id", "tags")))));

        String mermaid = MermaidDiagram.render(Diagram.of(schema));

        assertThat(mermaid).contains("        integer tag_id PK, FK\n", "        integer position PK\n")
                .endsWith("    tags ||--o{ task_tags : \"tag_id\"\n");
    }

    @Test
    void mermaidRewritesWhatItsLexerCannotReadAsOneWord() {
        SchemaSnapshot schema = SchemaSnapshot.of(List.of(table("order lines",
                List.of(new Column("pk", "double precision", false, Optional.empty())), List.of(), List.of(),
                List.of())));

        String mermaid = MermaidDiagram.render(Diagram.of(schema));

        assertThat(mermaid).isEqualTo("erDiagram\n    \"order lines\" {\n        double_precision pk_\n    }\n");
    }

    @Test
    void svgOfASelfReferenceAndOfAnAwkwardNameIsWellFormed() throws Exception {
        SchemaSnapshot schema = SchemaSnapshot.of(List.of(table("nodes<&>",
                List.of(column("id", false), column("parent_id", true)), List.of("id"), List.of(),
                List.of(key("nodes<&>", "parent_id", "nodes<&>")))));

        String svg = SvgDiagram.render(Diagram.of(schema));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTextContent()).contains("nodes<&>", "parent_id", "0..1",
                "0..*", "on delete no action");
    }

    private static Column column(String name, boolean nullable) {
        return new Column(name, "integer", nullable, Optional.empty());
    }

    private static ForeignKey key(String table, String column, String referenced) {
        return new ForeignKey("fk_" + table + "_" + column + "_" + referenced, List.of(column), referenced,
                List.of("id"), "NO ACTION");
    }

    private static Table table(String name, List<Column> columns, List<String> primaryKey, List<Index> indexes,
                               List<ForeignKey> foreignKeys) {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(column.name(), column));
        TreeMap<String, Index> indexMap = new TreeMap<>();
        indexes.forEach(index -> indexMap.put(index.name(), index));
        TreeMap<String, ForeignKey> keyMap = new TreeMap<>();
        foreignKeys.forEach(key -> keyMap.put(key.name(), key));
        Optional<PrimaryKey> primary = primaryKey.isEmpty() ? Optional.empty()
                : Optional.of(new PrimaryKey("pk_" + name, primaryKey));
        return new Table(name, byName, primary, indexMap, keyMap, new TreeMap<>());
    }
}
