package com.auditeng.db.diagram;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.diagram.Diagram.Attribute;
import com.auditeng.db.diagram.Diagram.Entity;
import com.auditeng.db.diagram.GridLayout.Box;
import com.auditeng.db.diagram.GridLayout.Cells;
import com.auditeng.db.diagram.LineRouter.Route;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link Diagram} drawn as a standalone SVG: a box per table with a header and a row per column (name, type,
 * keys), and a line per foreign key from the parent's key row to the child's column, labelled with its columns and
 * ON DELETE rule, with the multiplicity at each end.
 *
 * <p>Drawn by hand rather than by a library: nothing renders Mermaid in Java without a browser (mermaid-cli drives
 * a headless Chromium), Graphviz is a program to install, and boxes, text and elbow lines need only coordinates.
 */
public final class SvgDiagram {
    private static final int MARGIN = 20;
    private static final int LINE_HEIGHT = 16;
    private static final String CSS = """
            text { font-family: 'DejaVu Sans Mono', Menlo, Consolas, 'Courier New', monospace; font-size: 12px; \
            fill: #1f2933; }
            .box { fill: #ffffff; }
            .stripe { fill: #f0f4f8; }
            .header { fill: #34516e; }
            .frame { fill: none; stroke: #34516e; stroke-width: 1.5; }
            .title { fill: #ffffff; font-weight: bold; }
            .type { fill: #52606d; }
            .keys, .multiplicity { fill: #b45309; font-weight: bold; }
            .line { fill: none; stroke: #34516e; stroke-width: 1.5; }
            .non-identifying { stroke-dasharray: 6 4; }
            .label { fill: #ffffff; stroke: #9fb3c8; }
            .label-text { fill: #34516e; }
            """;

    private final Diagram diagram;
    private final GridLayout layout;
    private final SvgCanvas canvas = new SvgCanvas();
    // what a label should not cover, as left, top, right, bottom
    private final List<int[]> tables = new ArrayList<>();
    private final List<int[]> labels = new ArrayList<>();

    private SvgDiagram(Diagram diagram) {
        this.diagram = diagram;
        this.layout = GridLayout.of(diagram, diagram.relationships().stream().mapToInt(SvgDiagram::labelWidth)
                .max().orElse(0));
    }

    public static String render(Diagram diagram) {
        return new SvgDiagram(diagram).draw();
    }

    /** Writes the SVG to {@code file}, replacing it. */
    public static void write(Diagram diagram, Path file) {
        try {
            Files.writeString(file, render(diagram), StandardCharsets.UTF_8);
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "its folder does not exist"
                    : e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            throw new ConfigurationException("cannot write " + file + " (" + reason + "); give --svg a file in a "
                    + "folder you can write to", e);
        }
    }

    private String draw() {
        layout.boxes().forEach(this::table);
        LineRouter router = new LineRouter(layout);
        List<Route> routes = diagram.relationships().stream().map(router::route).flatMap(Optional::stream).toList();
        canvas.open("relationships");
        // every line before any label, so that a label's white ground hides the lines behind it, never the reverse
        routes.forEach(route -> canvas.polyline(route.relationship().identifying() ? "line" : "line non-identifying",
                route.points()));
        routes.forEach(this::label);
        multiplicities(routes);
        canvas.close();
        String title = "Entity-relationship diagram of "
                + diagram.entities().stream().map(Entity::name).collect(Collectors.joining(", "));
        return canvas.toSvg(title, CSS, MARGIN);
    }

    private void table(Box box) {
        Cells cells = box.cells();
        List<Attribute> attributes = box.entity().attributes();
        tables.add(new int[] {box.x(), box.y(), box.right(), box.y() + box.height()});
        canvas.open("table");
        canvas.rect(box.x(), box.y(), box.width(), box.height(), "box");
        for (int i = 1; i < attributes.size(); i += 2) {
            canvas.rect(box.x(), box.y() + GridLayout.HEADER + i * GridLayout.ROW, box.width(), GridLayout.ROW,
                    "stripe");
        }
        canvas.rect(box.x(), box.y(), box.width(), GridLayout.HEADER, "header");
        canvas.rect(box.x(), box.y(), box.width(), box.height(), "frame");
        canvas.text(box.x() + GridLayout.PADDING, box.y() + 19, box.entity().name(), "title", false);
        int typeX = box.x() + GridLayout.PADDING + cells.nameWidth() + GridLayout.CELL_GAP;
        int keysX = typeX + cells.typeWidth() + GridLayout.CELL_GAP;
        for (int i = 0; i < attributes.size(); i++) {
            Attribute attribute = attributes.get(i);
            int baseline = box.y() + GridLayout.HEADER + i * GridLayout.ROW + 14;
            canvas.text(box.x() + GridLayout.PADDING, baseline, attribute.name(), "name", false);
            canvas.text(typeX, baseline, attribute.type(), "type", false);
            if (!attribute.keys().isEmpty()) {
                canvas.text(keysX, baseline, Cells.keys(attribute), "keys", false);
            }
        }
        canvas.close();
    }

    /**
     * The multiplicities, just above the line where it leaves the parent and where it enters the child. Lines from
     * one key row leave at one point: their texts are written once, or joined when they differ.
     */
    private void multiplicities(List<Route> routes) {
        Map<List<Integer>, Set<String>> texts = new LinkedHashMap<>();
        for (Route route : routes) {
            texts.computeIfAbsent(List.of(route.x(0), route.y(0), route.parentTextRight() ? 1 : 0),
                    ignored -> new LinkedHashSet<>()).add(route.relationship().parentMultiplicity());
            texts.computeIfAbsent(List.of(route.x(route.last()), route.y(route.last()), route.childTextRight() ? 1 : 0),
                    ignored -> new LinkedHashSet<>()).add(route.relationship().childMultiplicity());
        }
        texts.forEach((at, text) -> {
            boolean toTheRight = at.get(2) == 1;
            canvas.text(toTheRight ? at.get(0) + 6 : at.get(0) - 6, at.get(1) - 4, String.join(" / ", text),
                    "multiplicity", !toTheRight);
        });
    }

    /**
     * The label's box on its line: in the middle of the route's label segment when that is free, else moved along
     * it half a box at a time, then along the other segments, to the first place that covers no table and no other
     * label. A crowded gutter may have no such place: then the one that covers least, tables counting double.
     */
    private void label(Route route) {
        Relationship relationship = route.relationship();
        List<String> lines = List.of(relationship.label(), relationship.onDeleteLabel());
        int width = labelWidth(relationship);
        int height = lines.size() * LINE_HEIGHT + 6;
        List<int[]> candidates = new ArrayList<>(candidates(route, route.labelSegment(), width, height));
        for (int segment = 0; segment < route.last(); segment++) {
            if (segment != route.labelSegment()) {
                candidates.addAll(candidates(route, segment, width, height));
            }
        }
        int[] chosen = candidates.get(0);
        long least = Long.MAX_VALUE;
        for (int[] candidate : candidates) {
            long covered = covered(candidate);
            if (covered < least) {
                chosen = candidate;
                least = covered;
            }
            if (covered == 0) {
                break;
            }
        }
        labels.add(chosen);
        canvas.rect(chosen[0], chosen[1], width, height, "label");
        for (int i = 0; i < lines.size(); i++) {
            canvas.centredText(chosen[0] + width / 2, chosen[1] + 15 + i * LINE_HEIGHT, lines.get(i), "label-text");
        }
    }

    /** Places centred on the segment from point i to point i + 1: its middle, then half a box either way, ... */
    private static List<int[]> candidates(Route route, int segment, int width, int height) {
        int fromX = route.x(segment);
        int fromY = route.y(segment);
        int toX = route.x(segment + 1);
        int toY = route.y(segment + 1);
        boolean vertical = fromX == toX;
        int step = vertical ? height / 2 : width / 2;
        int reach = (vertical ? Math.abs(toY - fromY) : Math.abs(toX - fromX)) / 2;
        List<int[]> places = new ArrayList<>();
        for (int shift = 0; shift <= reach; shift = shift <= 0 ? step - shift : -shift) {
            places.add(centred((fromX + toX) / 2 + (vertical ? 0 : shift), (fromY + toY) / 2 + (vertical ? shift : 0),
                    width, height));
        }
        return places;
    }

    /** How much of what is drawn a label at {@code place} would cover; a table's area counts double. */
    private long covered(int[] place) {
        return 2 * tables.stream().mapToLong(table -> overlap(place, table)).sum()
                + labels.stream().mapToLong(label -> overlap(place, label)).sum();
    }

    // 2 px of margin: a label touching another reads as one
    private static long overlap(int[] one, int[] other) {
        long width = Math.min(one[2], other[2]) + 2 - Math.max(one[0], other[0]);
        long height = Math.min(one[3], other[3]) + 2 - Math.max(one[1], other[1]);
        return width > 0 && height > 0 ? width * height : 0;
    }

    private static int[] centred(int x, int y, int width, int height) {
        return new int[] {x - width / 2, y - height / 2, x - width / 2 + width, y - height / 2 + height};
    }

    private static int labelWidth(Relationship relationship) {
        return Stream.of(relationship.label(), relationship.onDeleteLabel()).mapToInt(SvgCanvas::width).max()
                .orElse(0) + 12;
    }
}
