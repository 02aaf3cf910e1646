package com.auditeng.db.schema;

import com.auditeng.db.autogen.fixture.base.Author;
import com.auditeng.db.autogen.fixture.base.Book;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The entities' DDL is written by Hibernate once per version of their bytecode, then read from the cache. */
class ModelSchemaCacheTest {
    private static final String FIXTURE = Book.class.getPackageName();

    @Test
    void theSameEntitiesAreReadFromTheCache() {
        List<Class<?>> entities = List.of(Author.class, Book.class);
        ModelSchema written = ModelSchema.of(entities);
        ModelSchemaCache cache = ModelSchemaCache.besideJar(entities);
        assertThat(cache.read()).hasValueSatisfying(read -> {
            assertThat(read.ddl()).isEqualTo(written.ddl());
            assertThat(read.sources()).isEqualTo(written.sources());
        });

        ModelSchema planted = new ModelSchema(List.of("CREATE TABLE planted (id integer)"), Map.of());
        cache.write(planted);
        try {
            assertThat(ModelSchema.of(entities).ddl()).containsExactly("CREATE TABLE planted (id integer)");
        } finally {
            cache.write(written);   // the other tests of this run read these entities too
        }
    }

    @Test
    void fewerEntitiesOfTheSamePackageAskForAnotherEntry() {
        ModelSchema.of(List.of(Author.class, Book.class));

        assertThat(ModelSchema.of(List.of(Author.class)).ddl()).noneMatch(sql -> sql.contains("books"));
    }

    @Test
    void anEnumOfTheEntitiesThatChangesAsksForAnotherEntry() throws ClassNotFoundException {
        List<Class<?>> entities = List.of(Author.class, Book.class);
        ModelSchema written = ModelSchema.of(entities);
        ModelSchemaCache.besideJar(entities).write(written);

        // the same classes, defined again by a loader that serves another bytecode for the enum Format: a new
        // constant would change it so, and with it the check on books.format
        ClassLoader edited = new FixtureLoader(FIXTURE + ".Format");
        List<Class<?>> reloaded = List.of(edited.loadClass(Author.class.getName()), edited.loadClass(Book.class.getName()));

        assertThat(ModelSchemaCache.besideJar(reloaded).read()).isEmpty();
    }

    /** Defines the fixture's classes itself, from the test classes, and reads one of them as other bytes. */
    private static final class FixtureLoader extends ClassLoader {
        private final String edited;

        FixtureLoader(String edited) {
            super(ModelSchemaCacheTest.class.getClassLoader());
            this.edited = edited;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(FIXTURE + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytecode(getParent().getResourceAsStream(resource(name)));
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            InputStream original = getParent().getResourceAsStream(name);
            if (!name.equals(resource(edited))) {
                return original;
            }
            byte[] bytes = bytecode(original);
            return new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length + 1));
        }

        private static String resource(String className) {
            return className.replace('.', '/') + ".class";
        }

        private static byte[] bytecode(InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
