package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseUrl;

import java.util.Objects;

/**
 * How an {@link AsyncDatabase} connects: the parsed address and the size of its connection pool, checked once.
 *
 * <p>The URL may give the size as {@code pool_size=N} (SQLAlchemy's name) or {@code max_pool_size=N}: the Vert.x pool
 * has one size, the most connections it opens, which both name. A size in the URL is never ignored: a bad one, two
 * that differ, or one that differs from the size passed to the constructor is refused.
 *
 * @param url      the database, parsed once; the async side never reads a URL string
 * @param poolSize the most connections the pool opens; callers beyond it wait in the pool's queue, not on a thread
 */
public record AsyncSettings(DatabaseUrl url, int poolSize) {
    /** Ten connections: enough to keep a small server busy, well under PostgreSQL's default max_connections of 100. */
    public static final int DEFAULT_POOL_SIZE = 10;
    static final int MAX_POOL_SIZE = 1000;
    private static final String POOL_SIZE = "pool_size";
    private static final String MAX_POOL_SIZE_PARAMETER = "max_pool_size";

    public AsyncSettings {
        if (url == null) {
            throw new ConfigurationException("the async database needs a DATABASE_URL; parse one with "
                    + "DatabaseUrl.parse");
        }
        checkRange(poolSize, "async pool size " + poolSize);
        Integer fromUrl = sizeInUrl(url);
        if (fromUrl != null && fromUrl != poolSize) {
            throw new ConfigurationException("DATABASE_URL says " + sizeParameter(url) + "=" + fromUrl + " and the "
                    + "code asks for a pool of " + poolSize + "; keep one: drop the parameter, or use "
                    + "AsyncSettings.of(url)");
        }
    }

    /** The URL's {@code pool_size} or {@code max_pool_size}, else {@value #DEFAULT_POOL_SIZE} connections. */
    public static AsyncSettings of(DatabaseUrl url) {
        Integer fromUrl = url == null ? null : sizeInUrl(url);
        return new AsyncSettings(url, Objects.requireNonNullElse(fromUrl, DEFAULT_POOL_SIZE));
    }

    private static Integer sizeInUrl(DatabaseUrl url) {
        Integer poolSize = size(url, POOL_SIZE);
        Integer maxPoolSize = size(url, MAX_POOL_SIZE_PARAMETER);
        if (poolSize != null && maxPoolSize != null && !poolSize.equals(maxPoolSize)) {
            throw new ConfigurationException("DATABASE_URL says pool_size=" + poolSize + " and max_pool_size="
                    + maxPoolSize + ", and the async pool has one size (the most connections it opens); keep one");
        }
        return poolSize != null ? poolSize : maxPoolSize;
    }

    private static String sizeParameter(DatabaseUrl url) {
        return url.params().containsKey(POOL_SIZE) ? POOL_SIZE : MAX_POOL_SIZE_PARAMETER;
    }

    private static Integer size(DatabaseUrl url, String parameter) {
        String text = url.params().get(parameter);
        if (text == null) {
            return null;
        }
        int size;
        try {
            size = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("DATABASE_URL " + parameter + " '" + text + "' is not a number; write "
                    + parameter + "=" + DEFAULT_POOL_SIZE);
        }
        checkRange(size, "DATABASE_URL " + parameter + "=" + size);
        return size;
    }

    private static void checkRange(int size, String what) {
        if (size < 1 || size > MAX_POOL_SIZE) {
            throw new ConfigurationException(what + " is out of range; use 1-" + MAX_POOL_SIZE
                    + " (and stay below the server's max_connections)");
        }
    }
}
