package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.ScratchServer;
import com.auditeng.db.diagram.Diagram;
import com.auditeng.db.diagram.MermaidDiagram;
import com.auditeng.db.diagram.SvgDiagram;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Draw the schema the revisions build (on a scratch database, never the DATABASE_URL one) as an "
                + "entity-relationship diagram: Mermaid erDiagram text on stdout, or an SVG file with --svg.")
final class DiagramCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = "--rev", paramLabel = "NNNN", description = "Draw the schema at this revision (default: head).")
    private String revision;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write an SVG picture to FILE and print its path.")
    private Path svg;

    @Override
    public Integer call() {
        Target target = target();
        SchemaSnapshot schema;
        try (ScratchServer server = db.scratchServer()) {
            schema = db.scratchRevisions(server).schemaAt(target);
        }
        Diagram diagram = Diagram.of(schema);
        if (svg == null) {
            db.out().print(MermaidDiagram.render(diagram));
        } else {
            SvgDiagram.write(diagram, svg);
            db.out().println(svg);
        }
        return ExitCode.OK.number();
    }

    /** Checked before the scratch server starts, so that a mistyped revision fails at once. */
    private Target target() {
        if (revision == null) {
            return new Target.Head();
        }
        RevisionId id = RevisionId.parse(revision);   // "abc" -> UsageException, exit 2
        db.revisions().indexOf(id);   // one not in the folder -> UsageException naming 'db history'
        return new Target.Revision(id);
    }
}
