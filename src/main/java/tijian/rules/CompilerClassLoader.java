package tijian.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The class loader the rule compiler resolves names through. Compiling DRL tries many names that do not exist
 * (every identifier against every imported package); in the packaged service each such miss reopens a jar, which
 * made a recompile ten times slower than the first compile. The application's classes do not change while it runs,
 * so remembering every answer is safe; classes themselves still come from the application's loader, so facts and
 * rules agree on them.
 */
final class CompilerClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final Object MISSING = new Object();
    private final ConcurrentMap<String, Object> classes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<URL>> resources = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<byte[]>> classFiles = new ConcurrentHashMap<>();

    CompilerClassLoader(ClassLoader application) {
        super("rule-compiler", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Object found = classes.computeIfAbsent(name, n -> {
            try {
                return getParent().loadClass(n);
            } catch (ClassNotFoundException | LinkageError e) {
                return MISSING;
            }
        });
        if (found == MISSING) {
            throw new ClassNotFoundException(name);
        }
        return (Class<?>) found;
    }

    @Override
    public URL getResource(String name) {
        return resources.computeIfAbsent(name, n -> Optional.ofNullable(getParent().getResource(n))).orElse(null);
    }

    /** Class files are what the Java compiler reads of every type a rule mentions; keep their bytes. */
    @Override
    public InputStream getResourceAsStream(String name) {
        if (!name.endsWith(".class")) {
            return getParent().getResourceAsStream(name);
        }
        return classFiles.computeIfAbsent(name, n -> {
            try (InputStream in = getParent().getResourceAsStream(n)) {
                return Optional.ofNullable(in == null ? null : in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(bytes -> (InputStream) new ByteArrayInputStream(bytes)).orElse(null);
    }
}
