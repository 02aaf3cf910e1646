package com.auditeng.db.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reviewed exceptions of one change set, written as lines of its {@code comment:}:
 * {@code lint-accept: <rule-id> <reason>}. A comment, because Liquibase's YAML parser keeps a change set's comment
 * but drops YAML comments and unknown attributes of a change. A line that names no known rule or gives no reason
 * accepts nothing and is itself reported, so that a typo does not hide a finding.
 */
record Acceptances(Map<String, String> reasons, List<String> malformed) {
    private static final Pattern LINE = Pattern.compile("^\\s*lint-accept:\\s*(\\S*)\\s*(.*?)\\s*$");

    Acceptances {
        reasons = Map.copyOf(reasons);
        malformed = List.copyOf(malformed);
    }

    static Acceptances parse(String comment, Set<String> ruleIds) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        for (String line : comment.split("\\R")) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            if (!ruleIds.contains(matcher.group(1))) {
                malformed.add("names no lint rule ('" + matcher.group(1) + "')");
            } else if (matcher.group(2).isEmpty()) {
                malformed.add("gives no reason for accepting " + matcher.group(1));
            } else {
                reasons.put(matcher.group(1), matcher.group(2));
            }
        }
        return new Acceptances(reasons, malformed);
    }

    Optional<String> reasonFor(String ruleId) {
        return Optional.ofNullable(reasons.get(ruleId));
    }
}
