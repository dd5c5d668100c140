package tijian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies as ARCHITECTURE.md draws them. The web layer sits on top: it maps refusals to HTTP
 * statuses and serves pages, and nothing below it may depend on it, or a rule or an audit would have to know about
 * HTTP. Below it the graph has no cycles, so each package can be read (and tested) with only what it imports.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/tijian");
    private static final Pattern USES_WEB = Pattern.compile("\\btijian\\.web\\b");
    private static final Pattern USES_PACKAGE = Pattern.compile("\\btijian\\.([a-z]+)\\b");
    /** CDI, JPA, HTTP, configuration injection: the plumbing the engine packages stay free of. */
    private static final Pattern PLUMBING = Pattern.compile(
            "^import (static )?(jakarta\\.|io\\.quarkus\\.|io\\.vertx\\.|org\\.hibernate\\.|org\\.eclipse\\.microprofile\\.)");

    /** Package → the service's packages it may import (ARCHITECTURE.md's table); {@code web} may import all. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("refusal", Set.of()),
            Map.entry("report", Set.of()),
            Map.entry("db", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("ingest", Set.of("refusal", "report")),
            Map.entry("compare", Set.of("report")),
            Map.entry("rules", Set.of("report", "refusal", "compare")),
            Map.entry("rulebook", Set.of("rules", "refusal", "config", "db")),
            Map.entry("activity", Set.of("rulebook", "refusal")),
            Map.entry("security", Set.of("report", "refusal", "config")),
            Map.entry("corpus", Set.of("compare", "report", "db", "config", "security")),
            Map.entry("check", Set.of("ingest", "report", "rules", "rulebook", "security", "refusal", "config", "compare", "corpus")),
            Map.entry("audit", Set.of("check", "ingest", "report", "rules", "rulebook", "db", "refusal", "config")),
            Map.entry("annotate", Set.of("check", "rules", "security")),
            Map.entry("verdict", Set.of("check", "rules", "security", "refusal")));

    @Test
    void noPackageButWebUsesWeb() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            if (MAIN.relativize(f).startsWith("web")) {
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (USES_WEB.matcher(lines.get(i)).find()) {
                    offenders.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void eachPackageImportsOnlyWhatItsRowAllows() throws IOException {
        Set<String> offenders = new TreeSet<>();
        for (Path f : sources()) {
            String pkg = MAIN.relativize(f).getName(0).toString();
            if (pkg.equals("web") || f.getParent().equals(MAIN)) {
                continue;
            }
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                offenders.add(pkg + " is a new package: give it a row in ARCHITECTURE.md and in LayeringTest.ALLOWED");
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = USES_PACKAGE.matcher(lines.get(i));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used) && ALLOWED.containsKey(used) || used.equals("web") && !pkg.equals("web")) {
                        offenders.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + pkg + " → " + used);
                    }
                }
            }
        }
        assertEquals(Set.of(), offenders);
    }

    @Test
    void theEngineHasNoPlumbing() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = MAIN.relativize(f).getName(0).toString();
            if (!Set.of("refusal", "report", "ingest", "rules", "compare").contains(pkg)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (PLUMBING.matcher(lines.get(i)).find()) {
                    offenders.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
