package com.auditeng.db.migrate;

import com.auditeng.db.UsageException;

/** The number of a revision, written with four digits: {@code 0001}. */
public record RevisionId(int number) implements Comparable<RevisionId> {

    public RevisionId {
        if (number < 1 || number > 9999) {
            throw new UsageException("revision number " + number + " is out of range; revisions are numbered 0001 to 9999");
        }
    }

    public static RevisionId parse(String text) {
        if (text == null || !text.matches("\\d{1,4}")) {
            throw new UsageException("'" + text + "' is not a revision number; write it with four digits, like 0001");
        }
        return new RevisionId(Integer.parseInt(text));
    }

    public RevisionId next() {
        return new RevisionId(number + 1);
    }

    @Override
    public int compareTo(RevisionId other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("%04d", number);
    }
}
