package tijian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A setting named in application.properties has its default there and nowhere else: a second default in code
 * drifts (the audit lease said 2m in code and 1m in the file), and a reader cannot tell which one applies.
 */
class OneSourceOfDefaultsTest {
    @Test
    void noCodeDefaultForASettingTheFileDefines() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            file.load(r);
        }
        Path classes = Path.of("target/classes");
        List<String> doubled = new ArrayList<>();
        int seen = 0;
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
                    seen++;
                    if (file.containsKey(c.name()) && !ConfigProperty.UNCONFIGURED_VALUE.equals(c.defaultValue())) {
                        doubled.add(type.getSimpleName() + "." + f.getName() + ": " + c.name() + " = " + c.defaultValue()
                                + " in code, " + file.getProperty(c.name()) + " in application.properties");
                    }
                }
            }
        }
        assertTrue(seen > 10, "found the configured fields");
        assertEquals(List.of(), doubled);
    }
}
