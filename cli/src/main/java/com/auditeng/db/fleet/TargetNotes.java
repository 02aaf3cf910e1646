package com.auditeng.db.fleet;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the runner and the checks of one target print, each line led by the target's label: the targets of a fleet
 * migrate at once, and a warning that does not say whose it is cannot be acted on.
 */
final class TargetNotes extends Writer {
    private final String prefix;
    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder();

    private TargetNotes(String prefix, PrintWriter out) {
        this.prefix = prefix;
        this.out = out;
    }

    static PrintWriter of(FleetTarget target, PrintWriter out) {
        return new PrintWriter(new TargetNotes(target.label() + ": ", out), true);
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char next = buffer[i];
            if (next == '\n') {
                emit();
            } else if (next != '\r') {
                line.append(next);
            }
        }
    }

    // one println per line: PrintWriter's println holds its lock, so lines of several targets never mix
    private void emit() {
        out.println(prefix + line);
        line.setLength(0);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        if (!line.isEmpty()) {
            emit();
        }
        flush();
    }
}
