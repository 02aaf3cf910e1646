package com.auditeng.db.data;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The log records above a level that some work writes through java.util.logging (where the tests route logging). */
final class LogCapture extends Handler {
    private final Level above;
    private final List<String> records = new ArrayList<>();

    private LogCapture(Level above) {
        this.above = above;
    }

    static List<String> above(Level level, Runnable work) {
        LogCapture capture = new LogCapture(level);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            work.run();
        } finally {
            root.removeHandler(capture);
        }
        synchronized (capture.records) {
            return List.copyOf(capture.records);
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() > above.intValue()) {
            synchronized (records) {
                records.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
