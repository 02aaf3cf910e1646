package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseUrl;

/**
 * How an {@link AsyncDatabase} connects: the parsed address and the size of its connection pool, checked once.
 *
 * @param url      the database, parsed once; the async side never reads a URL string
 * @param poolSize the most connections the pool opens; callers beyond it wait in the pool's queue, not on a thread
 */
public record AsyncSettings(DatabaseUrl url, int poolSize) {
    /** Ten connections: enough to keep a small server busy, well under PostgreSQL's default max_connections of 100. */
    public static final int DEFAULT_POOL_SIZE = 10;
    static final int MAX_POOL_SIZE = 1000;

    public AsyncSettings {
        if (url == null) {
            throw new ConfigurationException("the async database needs a DATABASE_URL; parse one with "
                    + "DatabaseUrl.parse");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new ConfigurationException("async pool size " + poolSize + " is out of range; use 1-" + MAX_POOL_SIZE
                    + " (and stay below the server's max_connections)");
        }
    }

    public static AsyncSettings of(DatabaseUrl url) {
        return new AsyncSettings(url, DEFAULT_POOL_SIZE);
    }
}
