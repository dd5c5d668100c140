package tijian.rules.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rule code may touch: the allow-list in {@code rule-sandbox.txt} beside this class. An allow-list, not a
 * deny-list, because the JDK and the libraries on the class path offer far more ways out (processes, files, network,
 * reflection, class loading, threads, JNDI, scripting…) than anyone can enumerate; a type nobody listed is refused.
 */
public final class Sandbox {
    private enum Kind { ALL, EXCEPT, ONLY }

    private record Entry(Kind kind, Set<String> members) {}

    private static final Sandbox RULES = load();

    private final Map<String, Entry> types;
    private final Map<String, Entry> plumbing;
    private final Set<String> refusedMembers;
    private final Set<String> refusedMemberPrefixes;

    private Sandbox(Map<String, Entry> types, Map<String, Entry> plumbing, Set<String> refusedMembers,
                    Set<String> refusedMemberPrefixes) {
        this.types = types;
        this.plumbing = plumbing;
        this.refusedMembers = refusedMembers;
        this.refusedMemberPrefixes = refusedMemberPrefixes;
    }

    public static Sandbox rules() { return RULES; }

    /** A class named by its binary name ({@code java.util.Map$Entry}); arrays by their element type. */
    public boolean allowsType(String binaryName) {
        String name = elementType(binaryName);
        return name == null || types.containsKey(name);
    }

    /** A package a rule file may import with {@code .*}: one that holds an allowed type. */
    public boolean allowsPackage(String pkg) {
        return types.keySet().stream().anyMatch(t -> t.startsWith(pkg + ".") && t.indexOf('.', pkg.length() + 1) < 0);
    }

    /** What Drools' own invoker classes may use besides what rule code may. */
    public boolean allowsPlumbing(String binaryOwner, String member) {
        String owner = elementType(binaryOwner);
        Entry e = owner == null ? null : plumbing.get(owner);
        return e != null && (member == null || allows(e, member));
    }

    /** A field or method of an allowed type; constructors are {@code <init>}. */
    public boolean allowsMember(String binaryOwner, String member) {
        if (refusesMember(member)) {
            return false;
        }
        String owner = elementType(binaryOwner);
        if (owner == null) {
            return true;
        }
        Entry e = types.get(owner);
        return e != null && allows(e, member);
    }

    private static boolean allows(Entry e, String member) {
        return switch (e.kind()) {
            case ALL -> true;
            case EXCEPT -> !e.members().contains(member);
            case ONLY -> e.members().contains(member);
        };
    }

    /** Member names that lead out of the sandbox on whatever type they are found: reflection, processes, exit. */
    public boolean refusesMember(String member) {
        if (refusedMembers.contains(member)) {
            return true;
        }
        for (String p : refusedMemberPrefixes) {
            if (member.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Only some members of this type are allowed (so a source reference must name one of them). */
    public boolean restrictsMembers(String binaryName) {
        Entry e = types.get(binaryName);
        return e != null && e.kind() != Kind.ALL;
    }

    /** {@code [[Ljava.lang.String;} → {@code java.lang.String}; primitives and their arrays → null (always fine). */
    private static String elementType(String name) {
        String n = name.replace('/', '.');
        if (!n.startsWith("[")) {
            return n;
        }
        int dims = 0;
        while (dims < n.length() && n.charAt(dims) == '[') {
            dims++;
        }
        return n.charAt(dims) == 'L' ? n.substring(dims + 1, n.length() - 1) : null;
    }

    private static Sandbox load() {
        String resource = "rule-sandbox.txt";
        try (InputStream in = Sandbox.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " beside " + Sandbox.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sandbox parse(List<String> lines) {
        Map<String, Entry> types = new HashMap<>();
        Map<String, Entry> plumbing = new HashMap<>();
        Set<String> refused = new HashSet<>();
        Set<String> refusedPrefixes = new HashSet<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            Map<String, Entry> into = types;
            if (words[0].equals("plumbing")) {
                into = plumbing;
                words = java.util.Arrays.copyOfRange(words, 1, words.length);
            }
            if (words[0].equals("refuse-members")) {
                for (int i = 1; i < words.length; i++) {
                    if (words[i].endsWith("*")) {
                        refusedPrefixes.add(words[i].substring(0, words[i].length() - 1));
                    } else {
                        refused.add(words[i]);
                    }
                }
                continue;
            }
            Kind kind = Kind.ALL;
            if (words.length > 1) {
                kind = switch (words[1]) {
                    case "except" -> Kind.EXCEPT;
                    case "only" -> Kind.ONLY;
                    default -> throw new IllegalStateException("rule-sandbox.txt:" + n + ": expected 'except' or 'only' after the type");
                };
            }
            Set<String> members = new HashSet<>(List.of(words).subList(Math.min(2, words.length), words.length));
            if (into.put(words[0], new Entry(kind, members)) != null) {
                throw new IllegalStateException("rule-sandbox.txt:" + n + ": " + words[0] + " is listed twice");
            }
        }
        return new Sandbox(Map.copyOf(types), Map.copyOf(plumbing), Set.copyOf(refused), Set.copyOf(refusedPrefixes));
    }
}
