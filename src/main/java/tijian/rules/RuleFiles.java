package tijian.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the files of a rules directory that make up a revision. */
public final class RuleFiles {
    private RuleFiles() {}

    /** Path relative to the directory, always with '/', → content (UTF-8, BOM removed). */
    public static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                if (RuleSetCompiler.isRuleFile(relative) && !relative.startsWith(".") && !relative.contains("/.")) {
                    String content = Files.readString(p, StandardCharsets.UTF_8);
                    files.put(relative, content.startsWith("\uFEFF") ? content.substring(1) : content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }
}
