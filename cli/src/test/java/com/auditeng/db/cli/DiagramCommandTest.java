package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** db diagram on a scratch database of the embedded server, as db check does: never the DATABASE_URL one. */
class DiagramCommandTest {
    // the folder in the sources, not the copy in target/classes, which keeps a revision deleted from the sources
    private static final Path REVISIONS = Path.of("..", "migrate", "src", "main", "resources", "db", "migrations");
    private static final Path THREE = Path.of("src", "test", "resources", "fixtures", "three");
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "users", List.of("id", "email", "hashed_password", "is_active", "created_at", "updated_at"),
            "tasks", List.of("id", "user_id", "status", "original_filename", "file_path", "file_size",
                    "error_message", "created_at", "updated_at"),
            "analyses", List.of("id", "task_id", "equipment_type", "test_type", "equipment_tag", "verdict",
                    "compliance_score", "confidence_score", "extraction_result", "validation_result", "created_at",
                    "updated_at"),
            "findings", List.of("id", "analysis_id", "severity", "rule_id", "message", "evidence", "remediation",
                    "created_at", "updated_at"));

    @TempDir
    Path folder;

    @Test
    void diagramPrintsTheFourTablesAndThreeRelationshipsOfTheRealSchemaAsMermaid() {
        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "diagram");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).startsWith("erDiagram\n    users {\n        uuid id PK\n")
                .contains("    tasks {\n", "    analyses {\n", "    findings {\n")
                .contains("        varchar(255) email UK\n", "        uuid user_id FK\n",
                        "        uuid task_id FK, UK\n", "        double_precision compliance_score\n")
                .endsWith("    users ||..o{ tasks : \"user_id\"\n"
                        + "    tasks ||..o| analyses : \"task_id\"\n"
                        + "    analyses ||..o{ findings : \"analysis_id\"\n");
        assertThat(result.stdout().lines().filter(line -> line.endsWith(" {"))).hasSize(4);
    }

    @Test
    void diagramWithSvgWritesWellFormedXmlNamingEveryTableAndColumnAndPrintsThePath() throws Exception {
        Path svg = folder.resolve("schema.svg");

        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "diagram", "--svg",
                svg.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(svg + "\n");
        assertThat(result.stderr()).isEmpty();
        List<String> texts = texts(svg);
        COLUMNS.forEach((table, columns) -> {
            assertThat(texts).contains(table);
            assertThat(texts).containsAll(columns);
        });
        assertThat(texts).contains("user_id", "task_id", "analysis_id", "on delete cascade", "0..*", "0..1", "1");
    }

    @Test
    void diagramAtAnEarlierRevisionLeavesOutWhatLaterRevisionsAdd() {
        CliResult result = Cli.runShared("--migrations", THREE.toString(), "db", "diagram", "--rev", "0001");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("erDiagram\n"
                + "    gauges {\n"
                + "        bigint id PK\n"
                + "        varchar(50) label\n"
                + "    }\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void diagramRefusesAnUnknownRevisionWithExitTwo() {
        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "diagram", "--rev", "0042");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("error: unknown revision 0042; 'db history' lists the revisions in "
                + REVISIONS + "\n");
    }

    @Test
    void diagramRefusesARevisionThatIsNotANumberWithExitTwo() {
        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "diagram", "--rev", "latest");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("error: 'latest' is not a revision number");
    }

    @Test
    void diagramWithSvgIntoAMissingFolderNamesTheFileAndExitsThree() {
        Path svg = folder.resolve("missing").resolve("schema.svg");

        CliResult result = Cli.runShared("--migrations", THREE.toString(), "db", "diagram", "--svg", svg.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("error: cannot write " + svg)
                .contains("its folder does not exist", "--svg");
    }

    /** The text of every text element: parsing is the well-formedness check. */
    private static List<String> texts(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
