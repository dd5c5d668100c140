package tijian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

import tijian.config.CheckerConfig;

/**
 * A setting has its default in application.properties and nowhere else: a second default in code drifts (the audit
 * lease said 2m in code and 1m in the file), and a reader cannot tell which one applies.
 */
class OneSourceOfDefaultsTest {
    @Test
    void everyCheckerSettingHasItsDefaultInTheFileAndOnlyThere() throws IOException {
        Properties file = properties();
        List<String> leaves = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        walk(CheckerConfig.class, "checker", leaves, problems);
        assertTrue(leaves.size() > 25, "found the settings: " + leaves);
        for (String name : leaves) {
            // checker.data.dir is read by Main before the service starts; it has no default the service applies.
            if (!file.containsKey(name) && !name.equals("checker.data.dir")) {
                problems.add(name + " has no default in application.properties");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noCodeDefaultForASettingTheFileDefines() throws IOException {
        Properties file = properties();
        Path classes = Path.of("target/classes");
        List<String> doubled = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("tijian"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Field f : type.getDeclaredFields()) {
                    ConfigProperty c = f.getAnnotation(ConfigProperty.class);
                    if (c == null) {
                        continue;
                    }
                    if (c.name().startsWith("checker.")) {
                        doubled.add(type.getSimpleName() + "." + f.getName() + ": " + c.name() + " is read past CheckerConfig");
                    } else if (file.containsKey(c.name()) && !ConfigProperty.UNCONFIGURED_VALUE.equals(c.defaultValue())) {
                        doubled.add(type.getSimpleName() + "." + f.getName() + ": " + c.name() + " = " + c.defaultValue()
                                + " in code, " + file.getProperty(c.name()) + " in application.properties");
                    }
                }
            }
        }
        assertEquals(List.of(), doubled);
    }

    /** Leaves of the mapping as property names (camelCase → kebab-case), and any default written in code. */
    private static void walk(Class<?> group, String prefix, List<String> leaves, List<String> problems) {
        for (Method m : group.getDeclaredMethods()) {
            String name = prefix + "." + m.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            if (m.isAnnotationPresent(WithDefault.class)) {
                problems.add(name + " has a default in code");
            }
            if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() != null
                    && m.getReturnType().getName().startsWith(CheckerConfig.class.getName())) {
                walk(m.getReturnType(), name, leaves, problems);
            } else {
                leaves.add(name);
            }
        }
    }

    private static Properties properties() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            file.load(r);
        }
        return file;
    }
}
