package com.auditeng.db.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * SVG elements in drawing order, with the rectangle they cover, so that the picture's size follows what was drawn.
 * Coordinates are whole pixels and text widths are estimated for a monospace font: the output depends on nothing
 * of the machine, which lets a test compare it byte for byte.
 */
final class SvgCanvas {
    static final int FONT_SIZE = 12;
    // a monospace glyph advances 0.6 em (DejaVu Sans Mono, Courier New, Menlo); 7.3 px leaves a little room at 12 px
    private static final int CHAR_WIDTH_TENTHS = 73;

    private final List<String> elements = new ArrayList<>();
    private int minX = Integer.MAX_VALUE;
    private int minY = Integer.MAX_VALUE;
    private int maxX = Integer.MIN_VALUE;
    private int maxY = Integer.MIN_VALUE;

    /** The width {@code text} takes in the diagram's font. */
    static int width(String text) {
        return (text.length() * CHAR_WIDTH_TENTHS + 9) / 10;
    }

    void rect(int x, int y, int width, int height, String style) {
        cover(x, y, x + width, y + height);
        elements.add("<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height
                + "\" class=\"" + style + "\"/>");
    }

    /** Text whose baseline starts at (x, y), or ends there when {@code rightAligned}. */
    void text(int x, int y, String content, String style, boolean rightAligned) {
        int left = rightAligned ? x - width(content) : x;
        cover(left, y - FONT_SIZE, left + width(content), y + FONT_SIZE / 3);
        elements.add("<text x=\"" + x + "\" y=\"" + y + "\" class=\"" + style + "\""
                + (rightAligned ? " text-anchor=\"end\"" : "") + ">" + escape(content) + "</text>");
    }

    /** Text centred on x. */
    void centredText(int x, int y, String content, String style) {
        int half = width(content) / 2;
        cover(x - half, y - FONT_SIZE, x + half, y + FONT_SIZE / 3);
        elements.add("<text x=\"" + x + "\" y=\"" + y + "\" class=\"" + style + "\" text-anchor=\"middle\">"
                + escape(content) + "</text>");
    }

    /** A line through {@code points}, given as x, y, x, y, ... */
    void polyline(String style, int... points) {
        StringBuilder coordinates = new StringBuilder();
        for (int i = 0; i < points.length; i += 2) {
            cover(points[i], points[i + 1], points[i], points[i + 1]);
            coordinates.append(i == 0 ? "" : " ").append(points[i]).append(',').append(points[i + 1]);
        }
        elements.add("<polyline points=\"" + coordinates + "\" class=\"" + style + "\"/>");
    }

    void open(String group) {
        elements.add("<g class=\"" + group + "\">");
    }

    void close() {
        elements.add("</g>");
    }

    /** The document: what was drawn, on a white ground with {@code margin} around it. */
    String toSvg(String title, String css, int margin) {
        boolean blank = minX > maxX;
        int x = blank ? 0 : minX - margin;
        int y = blank ? 0 : minY - margin;
        int width = blank ? 2 * margin : maxX - minX + 2 * margin;
        int height = blank ? 2 * margin : maxY - minY + 2 * margin;
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"").append(x).append(' ').append(y).append(' ').append(width)
                .append(' ').append(height).append("\" role=\"img\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(css).append("</style>\n")
                // an opaque ground: a dark page (GitHub's dark theme) would otherwise swallow the dark lines and text
                .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        elements.forEach(element -> svg.append(element).append('\n'));
        return svg.append("</svg>\n").toString();
    }

    private void cover(int left, int top, int right, int bottom) {
        minX = Math.min(minX, left);
        minY = Math.min(minY, top);
        maxX = Math.max(maxX, right);
        maxY = Math.max(maxY, bottom);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
