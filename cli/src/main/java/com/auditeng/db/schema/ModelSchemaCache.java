package com.auditeng.db.schema;

import com.auditeng.db.config.CacheFolder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DDL Hibernate wrote for a set of entities, kept on disk under a digest of the bytecode it was written from:
 * the entity classes, their superclasses, and every class of the packages that hold them or the types of their
 * fields (enums, embeddables, converters), and the names of the entities mapped. A change to any of them, another
 * choice of entities, or a rebuilt jar (a possibly different dialect or Hibernate) asks for another entry.
 */
final class ModelSchemaCache {
    private final CacheFolder folder;
    private final Optional<String> key;

    private ModelSchemaCache(CacheFolder folder, Optional<String> key) {
        this.folder = folder;
        this.key = key;
    }

    /** The entry for {@code entities}, beside the jar that writes their DDL. */
    static ModelSchemaCache besideJar(List<Class<?>> entities) {
        return new ModelSchemaCache(CacheFolder.besideJar(ModelSchemaCache.class, "model-cache"), digest(entities));
    }

    Optional<ModelSchema> read() {
        Optional<byte[]> entry = key.flatMap(folder::read);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry.get()))) {
            List<String> ddl = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                ddl.add(CacheFolder.readText(in));
            }
            Map<String, String> sources = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                sources.put(CacheFolder.readText(in), CacheFolder.readText(in));
            }
            return Optional.of(new ModelSchema(ddl, sources));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // a damaged entry is written again
        }
    }

    void write(ModelSchema schema) {
        if (key.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(schema.ddl().size());
            for (String sql : schema.ddl()) {
                CacheFolder.writeText(out, sql);
            }
            Map<String, String> sources = new TreeMap<>(schema.sources());
            out.writeInt(sources.size());
            for (Map.Entry<String, String> source : sources.entrySet()) {
                CacheFolder.writeText(out, source.getKey());
                CacheFolder.writeText(out, source.getValue());
            }
        } catch (IOException e) {
            return;   // a cache that cannot be written only costs time
        }
        folder.write(key.get(), bytes.toByteArray());
    }

    /** None when a class's bytecode cannot be read: such entities are mapped each time. */
    private static Optional<String> digest(List<Class<?>> entities) {
        TreeMap<String, ClassLoader> packages = new TreeMap<>();
        TreeSet<String> classes = new TreeSet<>();
        for (Class<?> entity : entities) {
            for (Class<?> type = entity; type != null && type != Object.class; type = type.getSuperclass()) {
                addWithPackage(type, classes, packages);
                for (Field field : type.getDeclaredFields()) {
                    EntityPackage.typesOf(field.getGenericType())
                            .forEach(used -> addWithPackage(used, classes, packages));
                }
            }
        }
        packages.forEach((name, loader) -> classes.addAll(EntityPackage.classNames(loader, name)));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // which of the package's entities are mapped, then what every class of it says
            for (Class<?> entity : entities) {
                digest.update(("entity " + entity.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (String name : classes) {
                ClassLoader loader = packages.get(name.substring(0, Math.max(0, name.lastIndexOf('.'))));
                try (InputStream bytecode = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (bytecode == null) {
                        return Optional.empty();
                    }
                    digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                    digest.update(bytecode.readAllBytes());
                }
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()).substring(0, 32));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // the JDK's own types (String, UUID, List...) change only with the runtime, which does not change the DDL
    private static void addWithPackage(Class<?> type, TreeSet<String> classes, Map<String, ClassLoader> packages) {
        if (type.isPrimitive() || type.isArray() || type.getClassLoader() == null
                || type.getClassLoader() == ClassLoader.getPlatformClassLoader()) {
            return;
        }
        classes.add(type.getName());
        packages.putIfAbsent(type.getPackageName(), type.getClassLoader());
    }
}
