package com.auditeng.db.data;

/** A value breaks a check constraint, such as a compliance score above 100 ({@code ck_analyses_compliance_score}). */
public final class InvalidValueException extends DataAccessException {
    private final String constraint;

    /**
     * @param constraint the check constraint's name, e.g. {@code ck_tasks_file_size}
     * @param rule       what it requires, e.g. {@code file_size >= 0}; null when not known
     */
    public InvalidValueException(String constraint, String rule, Throwable cause) {
        super("a value breaks check constraint " + constraint + (rule == null ? "" : " (" + rule + ")")
                + "; change it to a value the rule allows", cause);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
