package com.auditeng.db.schema;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.UsageException;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code @Entity} classes of one Java package, found on the class path (a classes folder or a jar), with the
 * entities of other packages that they refer to: Hibernate cannot map an association to an entity it was not given.
 */
public final class EntityPackage {
    /** Where the project's own entities live. */
    public static final String DEFAULT = "com.auditeng.db.model";

    private EntityPackage() {
    }

    /** The entity classes directly in {@code packageName}, sorted by name; none is a usage error naming the package. */
    public static List<Class<?>> classes(String packageName) {
        if (!packageName.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
            throw new UsageException("'" + packageName + "' is not a Java package name; use the form " + DEFAULT);
        }
        // our own loader, not the thread's: the model may be read on a pool thread, whose context loader varies
        ClassLoader loader = EntityPackage.class.getClassLoader();
        TreeSet<String> classNames = classNames(loader, packageName);
        List<Class<?>> entities = new ArrayList<>();
        for (String className : classNames) {
            Class<?> type = load(loader, className);
            if (type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        if (entities.isEmpty()) {
            throw new UsageException("no @Entity classes in package " + packageName + "; check --model, or build the "
                    + "project so that its classes are on the class path");
        }
        return withReferencedEntities(entities);
    }

    /** The names of the classes directly in {@code packageName}, as {@code loader} sees them, sorted. */
    static TreeSet<String> classNames(ClassLoader loader, String packageName) {
        String folder = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> locations = loader.getResources(folder);
            while (locations.hasMoreElements()) {
                classNamesAt(locations.nextElement(), folder)
                        .forEach(name -> classNames.add(packageName.isEmpty() ? name : packageName + "." + name));
            }
        } catch (IOException | URISyntaxException e) {
            throw new ConfigurationException("cannot list the classes of package " + packageName + " ("
                    + e.getMessage() + "); rebuild the project (./mvnw package)", e);
        }
        return classNames;
    }

    /** {@code entities} and every entity their fields refer to, directly or through a collection, sorted by name. */
    static List<Class<?>> withReferencedEntities(List<Class<?>> entities) {
        Set<Class<?>> found = new LinkedHashSet<>(entities);
        Deque<Class<?>> pending = new ArrayDeque<>(entities);
        while (!pending.isEmpty()) {
            for (Class<?> type = pending.pop(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    for (Class<?> referenced : typesOf(field.getGenericType())) {
                        if (referenced.isAnnotationPresent(Entity.class) && found.add(referenced)) {
                            pending.push(referenced);
                        }
                    }
                }
            }
        }
        List<Class<?>> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Class::getName));
        return sorted;
    }

    static List<Class<?>> typesOf(Type type) {
        if (type instanceof Class<?> plain) {
            return List.of(plain);
        }
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                types.addAll(typesOf(argument));
            }
        }
        return types;
    }

    private static List<String> classNamesAt(URL location, String folder) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if (location.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                files.map(path -> path.getFileName().toString()).forEach(name -> addClassName(names, name));
            }
        } else if (location.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) location.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0)
                        .forEach(name -> addClassName(names, name.substring(folder.length() + 1)));
            }
        }
        return names;
    }

    private static void addClassName(List<String> names, String fileName) {
        if (fileName.endsWith(".class") && !fileName.equals("package-info.class")) {
            names.add(fileName.substring(0, fileName.length() - ".class".length()));
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            // not initialised: an entity's static state has no business running while we only read its mapping
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("cannot load class " + name + " (" + e + "); rebuild the project "
                    + "(./mvnw package)", e);
        }
    }
}
