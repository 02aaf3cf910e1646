package com.auditeng.db.data;

import com.auditeng.db.UsageException;

/**
 * One page of a listing: {@code number} counts from 0, {@code size} rows per page.
 *
 * @param number which page, 0 for the first
 * @param size   rows per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int number, int size) {
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (number < 0) {
            throw new UsageException("page number " + number + " is negative; the first page is 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new UsageException("page size " + size + " is out of range; use 1-" + MAX_SIZE);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    public PageRequest next() {
        return new PageRequest(number + 1, size);
    }

    int offset() {
        return number * size;
    }
}
