package com.auditeng.db.bench.rolling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;

/** The steps of one rolling deploy as the writers see them: the longest write of each, and the first failures. */
final class Phases {
    private final Map<String, LongAccumulator> longest = new LinkedHashMap<>();
    private final Map<String, String> firstFailure = new ConcurrentHashMap<>();
    private volatile LongAccumulator current;

    synchronized void enter(String phase) {
        current = longest.computeIfAbsent(phase, ignored -> new LongAccumulator(Math::max, 0));
    }

    void wrote(long nanos) {
        current.accumulate(nanos);
    }

    void failed(String version, String message) {
        firstFailure.putIfAbsent(version, message);
    }

    /** Each phase and its longest write, in milliseconds, in the order the phases ran. */
    synchronized Map<String, Double> longestMillis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        longest.forEach((phase, nanos) -> millis.put(phase, nanos.get() / 1e6));
        return millis;
    }

    Map<String, String> firstFailures() {
        return Map.copyOf(firstFailure);
    }
}
