package tijian.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies of the bundled rules folder that a test may break and mend while a service watches it. */
final class RuleFolders {
    private RuleFolders() {}

    /** Replaces {@code target} with a fresh copy of {@code rules/}. */
    static void copyBundledTo(Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    for (Path p : (Iterable<Path>) old.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            Path source = Path.of("rules");
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    Path copy = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(p, copy);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
