package com.auditeng.db.data;

import com.auditeng.db.config.DatabaseUrl;

/** A program that opens a database, reads from it and returns from main without closing it. */
final class NeverClosed {
    private NeverClosed() {
    }

    public static void main(String[] args) {
        AsyncDatabase database = AsyncDatabase.open(DatabaseUrl.parse(args[0]));
        long users = new UserRepository(database).count().toCompletableFuture().join();
        System.out.println("users: " + users);
    }
}
