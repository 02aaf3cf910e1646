package com.auditeng.db.diagram;

import com.auditeng.db.diagram.GridLayout.Box;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path of each relationship's line over a {@link GridLayout}: out of the parent's box beside its key row, along
 * a lane of the gutter on that side, through a gap between rows when the child stands beyond the next gutter, and
 * into the child's box beside its foreign key row. A line whose stretch would run on top of another's in the same
 * gutter or gap takes the next lane beside it.
 */
final class LineRouter {
    private static final int GUTTER_LANE_SPACING = 14;
    private static final int GAP_LANE_SPACING = 8;

    private final GridLayout layout;
    private final Map<Integer, List<List<int[]>>> gutterLanes = new HashMap<>();
    private final Map<Integer, List<List<int[]>>> gapLanes = new HashMap<>();

    LineRouter(GridLayout layout) {
        this.layout = layout;
    }

    /** The route, or none when a table is not drawn: a foreign key into another schema. */
    Optional<Route> route(Relationship relationship) {
        Box parent = layout.box(relationship.parent());
        Box child = layout.box(relationship.child());
        if (parent == null || child == null) {
            return Optional.empty();
        }
        int parentY = parent.rowMiddle(relationship.parentColumns().get(0));
        int childY = child.rowMiddle(relationship.columns().get(0));
        boolean parentRight;
        boolean childRight;
        if (parent.column() == child.column()) {
            // stacked (or a table referring to itself): loop round the column's outer side
            parentRight = parent.column() > 0 || layout.columns() == 1;
            childRight = parentRight;
        } else {
            parentRight = child.column() > parent.column();
            childRight = !parentRight;
        }
        int parentGutter = parent.column() + (parentRight ? 1 : 0);
        int childGutter = child.column() + (childRight ? 1 : 0);
        int parentX = parentRight ? parent.right() : parent.x();
        int childX = childRight ? child.right() : child.x();
        if (parentGutter == childGutter) {
            int lane = lane(gutterLanes, parentGutter, layout.gutterMiddle(parentGutter), GUTTER_LANE_SPACING,
                    parentY, childY);
            return Optional.of(new Route(relationship, new int[] {parentX, parentY, lane, parentY, lane, childY,
                    childX, childY}, 1, parentRight, childRight));
        }
        int gap = child.row() < parent.row() ? parent.row() : parent.row() + 1;
        int gapMiddle = layout.gapMiddle(gap);
        int parentLane = lane(gutterLanes, parentGutter, layout.gutterMiddle(parentGutter), GUTTER_LANE_SPACING,
                parentY, gapMiddle);
        int childLane = lane(gutterLanes, childGutter, layout.gutterMiddle(childGutter), GUTTER_LANE_SPACING,
                gapMiddle, childY);
        int gapY = lane(gapLanes, gap, gapMiddle, GAP_LANE_SPACING, parentLane, childLane);
        return Optional.of(new Route(relationship, new int[] {parentX, parentY, parentLane, parentY, parentLane, gapY,
                childLane, gapY, childLane, childY, childX, childY}, 2, parentRight, childRight));
    }

    /**
     * The first lane of a gutter or gap, from its middle outwards (0, +1, -1, +2, ...), that is free between
     * {@code from} and {@code to}; the stretch is then taken.
     */
    private static int lane(Map<Integer, List<List<int[]>>> channels, int channel, int middle, int spacing, int from,
                            int to) {
        int low = Math.min(from, to) - 6;
        int high = Math.max(from, to) + 6;
        List<List<int[]>> lanes = channels.computeIfAbsent(channel, ignored -> new ArrayList<>());
        int lane = 0;
        while (lane < lanes.size() && lanes.get(lane).stream().anyMatch(taken -> taken[0] < high && low < taken[1])) {
            lane++;
        }
        if (lane == lanes.size()) {
            lanes.add(new ArrayList<>());
        }
        lanes.get(lane).add(new int[] {low, high});
        int steps = (lane + 1) / 2;
        return middle + (lane % 2 == 1 ? steps : -steps) * spacing;
    }

    /**
     * A line through {@code points} (x, y, x, y, ...), from the parent's box to the child's.
     *
     * @param labelSegment    the segment, from point i to point i + 1, that carries the label
     * @param parentTextRight the line leaves the parent to the right, so its multiplicity stands right of the box
     * @param childTextRight  the line enters the child from the right
     */
    record Route(Relationship relationship, int[] points, int labelSegment, boolean parentTextRight,
                 boolean childTextRight) {
        int x(int point) {
            return points[2 * point];
        }

        int y(int point) {
            return points[2 * point + 1];
        }

        int last() {
            return points.length / 2 - 1;
        }
    }
}
