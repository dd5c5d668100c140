package tijian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The web layer sits on top: it maps refusals to HTTP statuses and serves pages, and nothing below it may depend on
 * it, or a rule or an audit would have to know about HTTP (ARCHITECTURE.md).
 */
class LayeringTest {
    private static final Pattern USES_WEB = Pattern.compile("\\btijian\\.web\\b");

    @Test
    void noPackageButWebUsesWeb() throws IOException {
        Path main = Path.of("src/main/java/tijian");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (main.relativize(f).startsWith("web")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (USES_WEB.matcher(lines.get(i)).find()) {
                        offenders.add(main.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
