package com.auditeng.db.autogen;

import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.autogen.fixture.base.Author;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One version of an application, as Hibernate runs it: the fixture entities of a model, writing books with the
 * statements Hibernate makes of them (an update sets every mapped column). Building it validates the entities
 * against the database, as an application starting with {@code hbm2ddl validate} would.
 */
final class ApplicationVersion implements AutoCloseable {
    private final SessionFactory factory;
    private final Class<?> book;

    private ApplicationVersion(SessionFactory factory, Class<?> book) {
        this.factory = factory;
        this.book = book;
    }

    /** The version whose books are {@code book}, started on {@code url}; fails when its columns are not there. */
    static ApplicationVersion start(DatabaseUrl url, Class<?> book) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url.jdbcUrl())
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, url.user())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        try {
            return new ApplicationVersion(new MetadataSources(registry).addAnnotatedClasses(Author.class, book)
                    .buildMetadata().buildSessionFactory(), book);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Stores a new book by {@code author} with {@code values} (field name to value); returns its id. */
    UUID insert(UUID author, Map<String, Object> values) {
        UUID id = UUID.randomUUID();
        factory.inTransaction(session -> {
            Object entity = newBook();
            set(entity, "id", id);
            set(entity, "author", session.getReference(Author.class, author));
            set(entity, "createdAt", OffsetDateTime.now());
            values.forEach((field, value) -> set(entity, field, value));
            session.persist(entity);
        });
        return id;
    }

    /** Loads book {@code id}, sets {@code field} and commits: Hibernate's UPDATE writes every column it maps. */
    void update(UUID id, String field, Object value) {
        factory.inTransaction(session -> set(session.find(book, id), field, value));
    }

    /** What this version reads of book {@code id}. */
    Object read(UUID id, String field) {
        return factory.fromTransaction(session -> get(session.find(book, id), field));
    }

    @Override
    public void close() {
        factory.close();
    }

    private Object newBook() {
        try {
            return book.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // the fixture entities keep their fields package-private, as entities without accessors may
    private static void set(Object entity, String name, Object value) {
        try {
            field(entity, name).set(entity, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(Object entity, String name) {
        try {
            return field(entity, name).get(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Object entity, String name) throws NoSuchFieldException {
        Field field = entity.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
