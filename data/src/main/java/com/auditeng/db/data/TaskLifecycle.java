package com.auditeng.db.data;

import com.auditeng.db.model.TaskStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The moves a task's status may make: QUEUED → PROCESSING → COMPLETED or FAILED; the last two are final. */
final class TaskLifecycle {
    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(
            TaskStatus.QUEUED, EnumSet.of(TaskStatus.PROCESSING),
            TaskStatus.PROCESSING, EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FAILED),
            TaskStatus.COMPLETED, EnumSet.noneOf(TaskStatus.class),
            TaskStatus.FAILED, EnumSet.noneOf(TaskStatus.class));

    private TaskLifecycle() {
    }

    static boolean allows(TaskStatus from, TaskStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The statuses a task may move to {@code to} from; empty for QUEUED, where every task starts. */
    static Set<TaskStatus> previous(TaskStatus to) {
        Set<TaskStatus> previous = EnumSet.noneOf(TaskStatus.class);
        NEXT.forEach((from, next) -> {
            if (next.contains(to)) {
                previous.add(from);
            }
        });
        return previous;
    }

    static String describeNext(TaskStatus from) {
        Set<TaskStatus> next = NEXT.get(from);
        if (next.isEmpty()) {
            return from + " is final";
        }
        return "from " + from + " it may move to " + next.stream().map(Enum::name).collect(Collectors.joining(" or "));
    }
}
