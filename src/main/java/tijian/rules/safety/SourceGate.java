package tijian.rules.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import tijian.rules.Problem;

/**
 * The first gate, before anything is compiled: Drools evaluates rule metadata ({@code @x(expr)}) with MVEL while it
 * builds, and interprets constraints, {@code from}, accumulate arguments and salience with MVEL at run time, so none
 * of these ever shows up as bytecode. This gate reads the .drl as text and with Drools' own parser (which runs no
 * rule code) and refuses what can reach outside the {@link Sandbox}: imports, globals, declared types, dialect mvel,
 * time-based attributes, any name in code that resolves to a class outside the allow-list, reflective member names,
 * and MVEL statements (separators, loops, definitions) in conditions.
 */
public final class SourceGate {
    private static final Set<String> ATTRIBUTES = Set.of("salience", "enabled", "no-loop", "lock-on-active",
            "agenda-group", "activation-group", "ruleflow-group", "auto-focus", "date-effective", "date-expires", "dialect");
    private static final Set<String> MVEL_STATEMENTS = Set.of("for", "foreach", "while", "do", "until", "def",
            "function", "import", "with", "modify", "assert", "insert", "retract", "delete", "update");
    private static final Pattern CHAIN = Pattern.compile(
            "(?<![\\w$.])([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)");
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern CONDITIONS = Pattern.compile("\\b(?:rule|query|declare)\\b");
    private static final Pattern THEN_OR_END = Pattern.compile("\\b(?:then|end)\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("\\bend\\b");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final String file;
    private final String source;
    private final ClassLoader loader;
    private final Sandbox sandbox = Sandbox.rules();
    private final Set<Problem> problems = new LinkedHashSet<>();
    private final Map<String, String> imports = new HashMap<>();
    private final List<String> wildcards = new ArrayList<>(List.of("java.lang"));
    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();

    private SourceGate(String file, String source, ClassLoader loader) {
        this.file = file;
        this.source = source;
        this.loader = loader;
    }

    public static List<Problem> check(String file, String drl, ClassLoader loader) {
        SourceGate gate = new SourceGate(file, drl, loader);
        gate.checkDeclarations();
        int[] origin = new int[drl.length() + 1];
        String decoded = JavaText.decodeUnicodeEscapes(drl, origin);
        gate.checkCode(JavaText.code(drl), null);
        if (!decoded.equals(drl)) {
            // Java decodes \\uXXXX before it reads anything else: what the consequence compiler sees is this text.
            gate.checkCode(JavaText.code(decoded), origin);
        }
        return List.copyOf(gate.problems);
    }

    private int[] origin;

    /** Line and column in the file of an offset into the (possibly decoded) code being checked. */
    private void refuseAt(String code, int at, String message) {
        int offset = origin == null ? at : origin[at];
        refuse(JavaText.lineOf(source, offset), JavaText.columnOf(source, offset), message);
    }

    private void refuse(int line, int column, String message) {
        problems.add(Problem.error(file, Math.max(line, 0), Math.max(column, 0), message));
    }

    private void checkDeclarations() {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, source);
        } catch (DroolsParserException | RuntimeException e) {
            return; // the compiler reports the syntax error itself; the text checks below still run
        }
        if (pkg == null) {
            return;
        }
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget().strip();
            if (target.endsWith(".*")) {
                String p = target.substring(0, target.length() - 2);
                if (!sandbox.allowsPackage(p)) {
                    refuse(i.getLine(), i.getColumn(), "rule files may not import " + target + " (not in the rule sandbox)");
                }
                wildcards.add(p);
            } else {
                Class<?> c = resolveQualified(target);
                if (c == null || !sandbox.allowsType(c.getName())) {
                    refuse(i.getLine(), i.getColumn(), "rule files may not import " + target + " (not in the rule sandbox)");
                }
                imports.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
        for (var i : pkg.getFunctionImports()) {
            String target = i.getTarget().strip();
            int dot = target.lastIndexOf('.');
            Class<?> c = dot < 0 ? null : resolveQualified(target.substring(0, dot));
            if (c == null || !sandbox.allowsMember(c.getName(), target.substring(dot + 1))) {
                refuse(i.getLine(), i.getColumn(), "rule files may not import function " + target + " (not in the rule sandbox)");
            }
        }
        for (var i : pkg.getAccumulateImports()) {
            refuse(i.getLine(), i.getColumn(), "rule files may not import accumulate functions; use the built-in ones");
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            checkTypeName(g.getType(), g.getLine(), g.getColumn(), "global " + g.getIdentifier());
        }
        checkAttributes(pkg.getAttributes(), "package");
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            if (t.getSuperTypes() != null) {
                for (QualifiedName s : t.getSuperTypes()) {
                    if (!isDeclaredHere(pkg, s.getName())) {
                        checkTypeName(s.getFullName(), t.getLine(), t.getColumn(), "declared type " + t.getTypeName() + " extends");
                    }
                }
            }
            for (TypeFieldDescr f : t.getFields().values()) {
                String type = f.getPattern() == null ? null : f.getPattern().getObjectType();
                if (type != null && !isDeclaredHere(pkg, type)) {
                    checkTypeName(type, f.getLine(), f.getColumn(), "field " + f.getFieldName());
                }
            }
        }
        if (!pkg.getEntryPointDeclarations().isEmpty() || !pkg.getWindowDeclarations().isEmpty()) {
            refuse(0, 0, "rule files may not declare entry points or windows");
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            if (f.getDialect() != null && !"java".equals(f.getDialect())) {
                refuse(f.getLine(), f.getColumn(), "functions must be written in java, not " + f.getDialect());
            }
        }
        for (RuleDescr r : pkg.getRules()) {
            checkAttributes(List.copyOf(r.getAttributes().values()), "rule \"" + r.getName() + "\"");
        }
    }

    private static boolean isDeclaredHere(PackageDescr pkg, String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1).replaceAll("<.*", "").strip();
        return pkg.getTypeDeclarations().stream().anyMatch(t -> t.getTypeName().equals(simple));
    }

    private void checkAttributes(List<AttributeDescr> attributes, String where) {
        for (AttributeDescr a : attributes) {
            String name = a.getName();
            String value = a.getValue() == null ? "" : a.getValue().strip();
            if (!ATTRIBUTES.contains(name)) {
                refuse(a.getLine(), a.getColumn(), where + ": the attribute " + name + " is not allowed in rule files");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                refuse(a.getLine(), a.getColumn(), where + ": dialect must be java (mvel code is interpreted and cannot be checked)");
            } else if (name.equals("salience") && !INTEGER.matcher(value).matches()) {
                refuse(a.getLine(), a.getColumn(), where + ": salience must be a whole number");
            } else if (name.equals("enabled") && !value.equals("true") && !value.equals("false")) {
                refuse(a.getLine(), a.getColumn(), where + ": enabled must be true or false");
            }
        }
    }

    private void checkTypeName(String type, int line, int column, String what) {
        String t = type.replaceAll("<.*", "").replace("[]", "").strip();
        if (Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean").contains(t)) {
            return;
        }
        Class<?> c = t.contains(".") ? resolveQualified(t) : resolveSimple(t);
        if (c == null || !sandbox.allowsType(c.getName())) {
            refuse(line, column, what + " may not use " + type + " (not in the rule sandbox)");
        }
    }

    /** Every name in code, wherever it stands: consequences, functions, conditions, from, metadata, declarations. */
    private void checkCode(String code, int[] origin) {
        this.origin = origin;
        Matcher id = IDENTIFIER.matcher(code);
        while (id.find()) {
            if (sandbox.refusesMember(id.group())) {
                refuseAt(code, id.start(),
                        "rule code may not use " + id.group() + " (reflection, processes and exits are outside the rule sandbox)");
            }
        }
        Matcher m = CHAIN.matcher(code);
        while (m.find()) {
            checkChain(m.group(1).split("\\s*\\.\\s*"), code, m.start(1));
        }
        Matcher conditions = CONDITIONS.matcher(code);
        while (conditions.find()) {
            Matcher stop = THEN_OR_END.matcher(code);
            int end = stop.find(conditions.end()) ? stop.start() : code.length();
            checkConditions(code, conditions.end(), end);
        }
        Matcher consequence = THEN.matcher(code);
        while (consequence.find()) {
            Matcher end = END.matcher(code);
            checkConsequence(code, consequence.end(), end.find(consequence.end()) ? end.start() : code.length());
        }
    }

    /**
     * Drools pastes a consequence into a method of a generated class. A consequence that closes more braces than it
     * opens would end that method and add members of its own (a static initializer runs while Drools builds, before
     * the bytecode gate has seen the class), so it is refused here.
     */
    private void checkConsequence(String code, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                refuseAt(code, i, "a consequence may not close a brace it did not open");
                return;
            }
        }
    }

    private void checkChain(String[] parts, String code, int at) {
        Class<?> c = null;
        int i = 0;
        Class<?> first = resolveSimple(parts[0]);
        if (first != null) {
            c = first;
            i = 1;
        } else {
            StringBuilder name = new StringBuilder(parts[0]);
            for (int k = 1; k < parts.length; k++) {
                name.append('.').append(parts[k]);
                Class<?> q = load(name.toString());
                if (q != null) {
                    c = q;
                    i = k + 1;
                    break;
                }
            }
        }
        while (c != null) {
            if (!sandbox.allowsType(c.getName())) {
                refuseAt(code, at,
                        "rule code may not use " + c.getName() + " (not in the rule sandbox, see rules/README.md)");
                return;
            }
            if (i >= parts.length) {
                return;
            }
            Class<?> nested = load(c.getName() + "$" + parts[i]);
            if (nested == null) {
                if (sandbox.restrictsMembers(c.getName()) && !sandbox.allowsMember(c.getName(), parts[i])) {
                    refuseAt(code, at,
                            "rule code may not use " + c.getName() + "." + parts[i] + " (not in the rule sandbox)");
                }
                return;
            }
            c = nested;
            i++;
        }
    }

    /** Conditions are MVEL: one expression each, never statements, loops or definitions. */
    private void checkConditions(String code, int from, int to) {
        for (int i = from; i < to; i++) {
            if (code.charAt(i) == ';') {
                refuseAt(code, i,
                        "a condition is one expression: ';' is not allowed before then");
            }
        }
        Matcher id = IDENTIFIER.matcher(code).region(from, to);
        while (id.find()) {
            boolean member = id.start() > 0 && code.charAt(id.start() - 1) == '.';
            if (!member && MVEL_STATEMENTS.contains(id.group())) {
                refuseAt(code, id.start(),
                        "'" + id.group() + "' is not allowed in a condition (no statements or loops before then)");
            }
        }
    }

    private Class<?> resolveSimple(String name) {
        String imported = imports.get(name);
        if (imported != null) {
            return resolveQualified(imported);
        }
        for (String p : wildcards) {
            Class<?> c = load(p + "." + name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** a.b.C, or a.b.C.D for a nested class. */
    private Class<?> resolveQualified(String name) {
        String n = name;
        while (true) {
            Class<?> c = load(n);
            if (c != null) {
                return c;
            }
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            n = n.substring(0, dot) + "$" + n.substring(dot + 1);
            if (n.indexOf('.') < 0) {
                return null;
            }
        }
    }

    private Class<?> load(String name) {
        return classes.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n, false, loader));
            } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
