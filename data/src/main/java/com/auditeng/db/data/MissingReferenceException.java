package com.auditeng.db.data;

/** A row refers to a row that does not exist (or was deleted meanwhile) through a foreign key. */
public final class MissingReferenceException extends DataAccessException {
    private final String foreignKey;

    /** @param foreignKey the foreign key's name, e.g. {@code fk_tasks_user_id_users} */
    public MissingReferenceException(String foreignKey, Throwable cause) {
        super("the row refers to a row that does not exist through foreign key " + foreignKey + "; store the referred "
                + "row first, or check the id", cause);
        this.foreignKey = foreignKey;
    }

    public String foreignKey() {
        return foreignKey;
    }
}
