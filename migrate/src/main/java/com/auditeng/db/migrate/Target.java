package com.auditeng.db.migrate;

import com.auditeng.db.UsageException;

/**
 * Where an upgrade, downgrade or stamp should leave the database: {@code head}, {@code base}, a revision
 * {@code NNNN}, or a number of steps {@code +N} / {@code -N} from the current revision.
 */
public sealed interface Target {
    /** Position meaning "no revision applied": the index before the first revision. */
    int BASE_POSITION = -1;

    static Target parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("head") || value.equalsIgnoreCase("heads")) {
            return new Head();
        }
        if (value.equalsIgnoreCase("base")) {
            return new Base();
        }
        if (value.matches("[+-]\\d{1,4}")) {
            int steps = Integer.parseInt(value);
            if (steps == 0) {
                throw new UsageException("target " + value + " moves nowhere; use +1 or -1 and up");
            }
            return new Relative(steps);
        }
        if (value.matches("\\d{1,4}")) {
            return new Revision(RevisionId.parse(value));
        }
        throw new UsageException("unknown target '" + value + "'; use head, base, a revision number NNNN, +N or -N");
    }

    /** The position (index into {@code revisions}, or {@link #BASE_POSITION}) this target names, seen from {@code current}. */
    int resolve(Revisions revisions, int current);

    record Head() implements Target {
        @Override
        public int resolve(Revisions revisions, int current) {
            return revisions.all().size() - 1;
        }

        @Override
        public String toString() {
            return "head";
        }
    }

    record Base() implements Target {
        @Override
        public int resolve(Revisions revisions, int current) {
            return BASE_POSITION;
        }

        @Override
        public String toString() {
            return "base";
        }
    }

    record Revision(RevisionId id) implements Target {
        @Override
        public int resolve(Revisions revisions, int current) {
            return revisions.indexOf(id);
        }

        @Override
        public String toString() {
            return id.toString();
        }
    }

    record Relative(int steps) implements Target {
        @Override
        public int resolve(Revisions revisions, int current) {
            int position = current + steps;
            int head = revisions.all().size() - 1;
            if (position > head) {
                throw new UsageException("target " + this + " goes past head: " + (head - current)
                        + " revision(s) remain above the current one; use a smaller step or head");
            }
            if (position < BASE_POSITION) {
                throw new UsageException("target " + this + " goes below base: " + (current + 1)
                        + " revision(s) are applied; use a smaller step or base");
            }
            return position;
        }

        @Override
        public String toString() {
            return steps > 0 ? "+" + steps : Integer.toString(steps);
        }
    }
}
