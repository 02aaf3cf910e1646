package com.auditeng.db.diagram;

import com.auditeng.db.diagram.Diagram.Attribute;
import com.auditeng.db.diagram.Diagram.Entity;
import com.auditeng.db.diagram.Diagram.Key;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each table's box goes: a grid of up to three columns filled in the diagram's parent-first order, every
 * other row right to left, so that consecutive tables (users, tasks, analyses, findings) stay neighbours and their
 * foreign keys draw as short lines. Lines run only through the gutters between columns and the gaps between rows,
 * where no box stands; a gutter is wide enough for a label, a gap for a label's height.
 */
final class GridLayout {
    static final int HEADER = 28;
    static final int ROW = 20;
    static final int PADDING = 10;
    static final int CELL_GAP = 16;
    static final int ROW_GAP = 56;
    private static final int MIN_GUTTER = 160;

    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final int[] columnLefts;
    private final int[] columnWidths;
    private final List<Integer> rowTops = new ArrayList<>();
    private final List<Integer> rowBottoms = new ArrayList<>();
    private final int gutter;

    private GridLayout(int columns, int gutter) {
        this.columnLefts = new int[columns];
        this.columnWidths = new int[columns];
        this.gutter = gutter;
    }

    /** @param labelWidth the widest relationship label, which must fit in a gutter */
    static GridLayout of(Diagram diagram, int labelWidth) {
        List<Entity> entities = diagram.entities();
        int columns = Math.max(1, Math.min(3, (int) Math.ceil(Math.sqrt(entities.size()))));
        GridLayout layout = new GridLayout(columns, Math.max(MIN_GUTTER, labelWidth + 90));
        List<Cells> cells = entities.stream().map(Cells::of).toList();
        for (int i = 0; i < cells.size(); i++) {
            int column = column(i, columns);
            layout.columnWidths[column] = Math.max(layout.columnWidths[column], cells.get(i).width());
        }
        for (int column = 1; column < columns; column++) {
            layout.columnLefts[column] = layout.columnLefts[column - 1] + layout.columnWidths[column - 1]
                    + layout.gutter;
        }
        int top = 0;
        for (int rowStart = 0; rowStart < cells.size(); rowStart += columns) {
            int rowHeight = 0;
            for (int i = rowStart; i < Math.min(rowStart + columns, cells.size()); i++) {
                Cells cell = cells.get(i);
                int column = column(i, columns);
                Box box = new Box(cell, layout.columnLefts[column], top, column, rowStart / columns);
                layout.boxes.put(cell.entity().name(), box);
                rowHeight = Math.max(rowHeight, box.height());
            }
            layout.rowTops.add(top);
            layout.rowBottoms.add(top + rowHeight);
            top += rowHeight + ROW_GAP;
        }
        return layout;
    }

    private static int column(int index, int columns) {
        int row = index / columns;
        return row % 2 == 0 ? index % columns : columns - 1 - index % columns;
    }

    List<Box> boxes() {
        return new ArrayList<>(boxes.values());
    }

    Box box(String table) {
        return boxes.get(table);
    }

    int columns() {
        return columnLefts.length;
    }

    /**
     * The middle of gutter {@code index}: gutter c lies left of column c, and gutter {@code columns()} right of
     * the last column; the outer two are as wide as the inner ones.
     */
    int gutterMiddle(int index) {
        if (index == 0) {
            return columnLefts[0] - gutter / 2;
        }
        int leftColumnRight = columnLefts[index - 1] + columnWidths[index - 1];
        return index == columns() ? leftColumnRight + gutter / 2 : (leftColumnRight + columnLefts[index]) / 2;
    }

    /** The middle of gap {@code index}: gap r lies above row r, and gap {@code rows} below the last row. */
    int gapMiddle(int index) {
        if (index == 0) {
            return rowTops.get(0) - ROW_GAP / 2;
        }
        int above = rowBottoms.get(index - 1);
        return index == rowTops.size() ? above + ROW_GAP / 2 : (above + rowTops.get(index)) / 2;
    }

    /** A table's box: its top left corner, and the widths of its three cells (column name, type, keys). */
    record Box(Cells cells, int x, int y, int column, int row) {
        Entity entity() {
            return cells.entity();
        }

        int width() {
            return cells.width();
        }

        int height() {
            return HEADER + Math.max(1, entity().attributes().size()) * ROW;
        }

        int right() {
            return x + width();
        }

        /** The vertical middle of a column's row, or of the header when the table has no such column. */
        int rowMiddle(String columnName) {
            List<Attribute> attributes = entity().attributes();
            for (int i = 0; i < attributes.size(); i++) {
                if (attributes.get(i).name().equals(columnName)) {
                    return y + HEADER + i * ROW + ROW / 2;
                }
            }
            return y + HEADER / 2;
        }
    }

    /** The widths a table's text needs. */
    record Cells(Entity entity, int nameWidth, int typeWidth, int keysWidth) {
        static Cells of(Entity entity) {
            int name = 0;
            int type = 0;
            int keys = 0;
            for (Attribute attribute : entity.attributes()) {
                name = Math.max(name, SvgCanvas.width(attribute.name()));
                type = Math.max(type, SvgCanvas.width(attribute.type()));
                keys = Math.max(keys, SvgCanvas.width(keys(attribute)));
            }
            return new Cells(entity, Math.max(name, SvgCanvas.width(entity.name())), type, keys);
        }

        static String keys(Attribute attribute) {
            return attribute.keys().stream().map(Key::name).collect(Collectors.joining(" "));
        }

        int width() {
            return PADDING + nameWidth + CELL_GAP + typeWidth + (keysWidth == 0 ? 0 : CELL_GAP + keysWidth) + PADDING;
        }
    }
}
