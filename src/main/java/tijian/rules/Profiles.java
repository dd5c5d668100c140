package tijian.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tijian.refusal.Refusal;

/**
 * Profiles: a province or city checks with the base rule book plus its own overlay, a folder
 * {@code profiles/<name>/} laid out like the rules folder. The overlay's {@code data/*.csv} rows are merged into the
 * base tables (a row of settings.csv, coverage.csv or canonical-titles.csv whose first column names an existing row
 * replaces it; other rows are added), its {@code .drl} and {@code *.examples.txt} files are added (one with the
 * name of a base file replaces it). The base itself is the profile {@value #BASE}.
 * <p>
 * The revision covers the base and every profile, so a stored check names the revision and its profile, and the
 * stored files give both back.
 */
public final class Profiles {
    /** The base rule book, used when a check names no profile. */
    public static final String BASE = "national";
    static final String DIR = "profiles/";
    private static final Pattern PROFILE_FILE = Pattern.compile("profiles/([a-z0-9][a-z0-9-]*)/(.+)");
    /** Tables whose rows are known by their first column: a profile row with the same key replaces the base row. */
    private static final Set<String> KEYED = Set.of(RuleData.SETTINGS, RuleData.COVERAGE, RuleData.CANONICAL_TITLES);

    private Profiles() {}

    /** Which files of a rules folder belong to a profile's overlay. */
    static boolean isProfileFile(String path) {
        Matcher m = PROFILE_FILE.matcher(path);
        if (!m.matches()) {
            return false;
        }
        String inner = m.group(2);
        return inner.endsWith(".drl") || Example.isExampleFile(inner) || (inner.startsWith("data/") && inner.endsWith(".csv"));
    }

    /** The base rule book: every file outside {@code profiles/}. */
    static SortedMap<String, String> base(Map<String, String> files) {
        SortedMap<String, String> base = new TreeMap<>();
        files.forEach((path, content) -> {
            if (!path.startsWith(DIR)) {
                base.put(path, content);
            }
        });
        return base;
    }

    /** The profiles the files define, besides the base. */
    static Set<String> names(Map<String, String> files) {
        Set<String> names = new TreeSet<>();
        for (String path : files.keySet()) {
            Matcher m = PROFILE_FILE.matcher(path);
            if (m.matches() && !m.group(1).equals(BASE)) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The files a profile checks with: the base with the profile's overlay applied. */
    static SortedMap<String, String> overlay(Map<String, String> files, String name, List<Problem> problems) {
        SortedMap<String, String> merged = base(files);
        String prefix = DIR + name + "/";
        files.forEach((path, content) -> {
            if (!path.startsWith(prefix)) {
                return;
            }
            String inner = path.substring(prefix.length());
            if (inner.startsWith("data/") && merged.containsKey(inner)) {
                merged.put(inner, mergeTable(inner, merged.get(inner), path, content, problems));
            } else {
                merged.put(inner, content);
            }
        });
        return merged;
    }

    /** A profile's problem, named so that the author finds the profile (merged tables keep the base's line numbers). */
    static Problem inProfile(String name, Problem p) {
        return new Problem(p.file(), p.line(), p.column(), p.severity(), "profile " + name + ": " + p.message());
    }

    /** Thrown when a check asks for a profile the live rules do not have. */
    static Refusal unknown(String name, Set<String> known) {
        return new Refusal(Refusal.Kind.BAD_INPUT, "unknown-profile",
                "没有名为“" + name + "”的规则配置；可选：" + String.join("、", known) + "。",
                "There is no rule profile \"" + name + "\"; choose one of " + known + ".");
    }

    private static String mergeTable(String table, String base, String overlayPath, String overlay, List<Problem> problems) {
        List<String> lines = new ArrayList<>(base.strip().lines().toList());
        String header = header(lines);
        Map<String, Integer> rowByKey = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isData(lines.get(i)) && !lines.get(i).equals(header)) {
                rowByKey.putIfAbsent(key(lines.get(i)), i);
            }
        }
        List<String> own = overlay.strip().lines().toList();
        String ownHeader = header(own);
        if (ownHeader != null && !ownHeader.equals(header)) {
            problems.add(Problem.error(overlayPath, 1, 1, "the header must be the base table's: " + header));
            return base;
        }
        for (String line : own) {
            if (!isData(line) || line.equals(ownHeader)) {
                continue;
            }
            Integer at = KEYED.contains(table) ? rowByKey.get(key(line)) : null;
            if (at != null) {
                lines.set(at, line);
            } else {
                lines.add(line);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String header(List<String> lines) {
        for (String l : lines) {
            if (isData(l)) {
                return l.startsWith("\uFEFF") ? l.substring(1) : l;
            }
        }
        return null;
    }

    private static boolean isData(String line) {
        String l = line.strip();
        return !l.isEmpty() && !l.startsWith("#");
    }

    private static String key(String line) {
        int comma = line.indexOf(',');
        return (comma < 0 ? line : line.substring(0, comma)).strip();
    }
}
