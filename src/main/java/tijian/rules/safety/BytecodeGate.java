package tijian.rules.safety;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.DialectRuntimeRegistry;
import org.drools.base.rule.LineMappings;
import org.drools.base.rule.TypeDeclaration;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import tijian.rules.Problem;

/**
 * The second gate: reads the classes Drools compiled for a rule set (consequences, functions, evals, accumulate code —
 * kept per package in {@link JavaDialectRuntimeData#getStore()}) and refuses every reference to a type or member
 * outside the {@link Sandbox}, and every backward jump. It sees what the Java compiler resolved, so import aliases,
 * fully qualified names, unicode escapes and method references cannot hide a call from it. It runs after the build and
 * before any session or example.
 */
public final class BytecodeGate {
    /** One reference found in generated code, where the author wrote it. */
    public record Reference(String file, int line, String owner, String member, String what, boolean plumbing) {}

    private BytecodeGate() {}

    /**
     * @param fileOf the rule file an engine resource path (as Drools reports it) came from
     * @param application the loader of the service's own classes, to tell declared types from fact classes
     */
    public static List<Problem> check(KieBase kieBase, Function<String, String> fileOf, ClassLoader application) {
        Sandbox sandbox = Sandbox.rules();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Reference r : references(kieBase, fileOf, application)) {
            String why = refusal(sandbox, r);
            if (why != null && seen.add(r.file() + r.line() + why)) {
                problems.add(Problem.error(r.file(), r.line(), 0, why));
            }
        }
        return problems;
    }

    private static String refusal(Sandbox sandbox, Reference r) {
        String owner = r.owner().replace('/', '.');
        if (r.plumbing() && !r.what().equals("loop") && sandbox.allowsPlumbing(owner, r.member())) {
            return null;
        }
        return switch (r.what()) {
            case "loop" -> "rule code may not loop; use patterns, accumulate or a helper in RuleFunctions";
            case "type", "supertype" -> sandbox.allowsType(owner) ? null
                    : "rule code may not use " + owner + " (not in the rule sandbox, see rules/README.md)";
            default -> sandbox.allowsMember(owner, r.member()) ? null
                    : "rule code may not use " + owner + "." + r.member() + " (not in the rule sandbox, see rules/README.md)";
        };
    }

    /** Every type and member the generated code refers to, outside the rule set's own generated classes. */
    public static List<Reference> references(KieBase kieBase, Function<String, String> fileOf, ClassLoader application) {
        Map<String, byte[]> classes = new HashMap<>();
        Map<String, String> fileOfClass = new HashMap<>();
        Map<String, LineMappings> lines = new HashMap<>();
        Set<String> generated = new HashSet<>();
        Set<String> functions = new HashSet<>();
        List<TypeDeclaration> declared = new ArrayList<>();
        Map<String, Set<String>> filesOfPackage = new HashMap<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            InternalKnowledgePackage pkg = (InternalKnowledgePackage) kp;
            Set<String> files = filesOfPackage.computeIfAbsent(pkg.getName(), k -> new HashSet<>());
            DialectRuntimeRegistry registry = pkg.getDialectRuntimeRegistry();
            lines.putAll(registry.getLineMappings());
            if (registry.getDialectData("java") instanceof JavaDialectRuntimeData java) {
                java.getStore().forEach((path, bytes) -> {
                    String name = path.replaceAll("\\.class$", "").replace('/', '.');
                    classes.put(name, bytes);
                    generated.add(name);
                });
            }
            for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                String file = fileOf(rule.getResource(), fileOf);
                files.add(file);
                if (rule.getConsequence() != null && !file.equals("(rules)")) {
                    fileOfClass.put(baseClass(rule.getConsequence().getClass().getName()), file);
                }
            }
            for (org.drools.base.rule.Function f : pkg.getFunctions().values()) {
                String file = fileOf(f.getResource(), fileOf);
                if (!file.equals("(rules)")) {
                    fileOfClass.put(f.getClassName(), file);
                }
                functions.add(f.getClassName());
            }
            for (TypeDeclaration td : pkg.getTypeDeclarations().values()) {
                if (td.getTypeClass() != null && !isApplicationClass(td.getTypeClassName(), application)) {
                    generated.add(td.getTypeClassName());
                    declared.add(td);
                }
            }
        }
        List<Reference> refs = new ArrayList<>();
        classes.forEach((name, bytes) -> {
            String base = baseClass(name);
            String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
            Set<String> candidates = filesOfPackage.getOrDefault(pkg, Set.of());
            String file = fileOfClass.getOrDefault(base, fileOfClass.getOrDefault(name,
                    candidates.size() == 1 ? candidates.iterator().next() : "(rules)"));
            LineMappings mapping = lines.getOrDefault(base, lines.get(name));
            new ClassReader(bytes).accept(new Collector(file, mapping, generated, isPlumbing(name, functions), refs), 0);
        });
        for (TypeDeclaration td : declared) {
            String file = fileOf(td.getResource(), fileOf);
            Class<?> c = td.getTypeClass();
            List<Class<?>> supers = new ArrayList<>(List.of(c.getInterfaces()));
            if (c.getSuperclass() != null) {
                supers.add(c.getSuperclass());
            }
            for (Class<?> s : supers) {
                if (!generated.contains(s.getName())) {
                    refs.add(new Reference(file, 0, s.getName(), null, "supertype", false));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                Class<?> t = f.getType();
                while (t.isArray()) {
                    t = t.getComponentType();
                }
                if (!t.isPrimitive() && !generated.contains(t.getName())) {
                    refs.add(new Reference(file, 0, t.getName(), null, "type", false));
                }
            }
        }
        return refs;
    }

    private static boolean isApplicationClass(String name, ClassLoader application) {
        try {
            Class.forName(name, false, application);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String fileOf(Resource resource, Function<String, String> fileOf) {
        return resource == null || resource.getSourcePath() == null ? "(rules)" : fileOf.apply(resource.getSourcePath());
    }

    /**
     * The invokers Drools writes with ASM (org.drools.mvel.asm.*Generator) for each rule: named after the rule's class
     * (Rule_…&lt;hash&gt;, the hash keeps a rule name from ending in Invoker), never holding rule text. A function
     * could be named like one, so functions never count.
     */
    private static boolean isPlumbing(String name, Set<String> functions) {
        return !functions.contains(name)
                && name.matches(".*\\.Rule_.*\\d(DefaultConsequenceInvoker|[A-Z][A-Za-z]*\\d+Invoker)");
    }

    /** Drools puts a rule's code in one class and calls it from small invoker classes named after it. */
    private static String baseClass(String name) {
        return name.replaceAll("(DefaultConsequenceInvoker|\\w+?\\d*Invoker)$", "")
                .replaceAll("\\$\\d+$", "");
    }

    private static final class Collector extends ClassVisitor {
        private final String file;
        private final LineMappings mapping;
        private final Set<String> generated;
        private final boolean plumbing;
        private final List<Reference> refs;
        private int line;

        Collector(String file, LineMappings mapping, Set<String> generated, boolean plumbing, List<Reference> refs) {
            super(Opcodes.ASM9);
            this.file = file;
            this.mapping = mapping;
            this.generated = generated;
            this.plumbing = plumbing;
            this.refs = refs;
        }

        private int drlLine() {
            if (mapping == null || line <= 0) {
                return mapping == null ? 0 : mapping.getStartLine();
            }
            return Math.max(mapping.getStartLine(), mapping.getStartLine() + line - mapping.getOffset());
        }

        private void type(String internalName, String what) {
            String n = internalName.replace('/', '.');
            String element = n.replaceAll("^\\[+L?|;$", "");
            if (!generated.contains(element) && !generated.contains(n)) {
                refs.add(new Reference(file, drlLine(), n, null, what, plumbing));
            }
        }

        private void member(String owner, String name, String what) {
            String n = owner.replace('/', '.');
            if (!generated.contains(n)) {
                refs.add(new Reference(file, drlLine(), n, name, what, plumbing));
            } else if (Sandbox.rules().refusesMember(name)) {
                refs.add(new Reference(file, drlLine(), n, name, what, plumbing));
            }
        }

        private void constant(Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                    type(t.getInternalName(), "type");
                } else if (t.getSort() == Type.METHOD) {
                    for (Type a : t.getArgumentTypes()) {
                        constant(a);
                    }
                    constant(t.getReturnType());
                }
            } else if (value instanceof Handle h) {
                member(h.getOwner(), h.getName(), "handle");
            } else if (value instanceof ConstantDynamic cd) {
                member(cd.getBootstrapMethod().getOwner(), cd.getBootstrapMethod().getName(), "bootstrap");
                for (int i = 0; i < cd.getBootstrapMethodArgumentCount(); i++) {
                    constant(cd.getBootstrapMethodArgument(i));
                }
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            line = 0;
            if (superName != null) {
                type(superName, "supertype");
            }
            if (interfaces != null) {
                for (String i : interfaces) {
                    type(i, "supertype");
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            constant(Type.getType(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private final Set<Label> passed = new LinkedHashSet<>();

                @Override public void visitLineNumber(int l, Label start) { line = l; }

                @Override public void visitLabel(Label label) { passed.add(label); }

                private void jump(Label target) {
                    if (passed.contains(target)) {
                        refs.add(new Reference(file, drlLine(), "", null, "loop", plumbing));
                    }
                }

                @Override public void visitJumpInsn(int opcode, Label label) { jump(label); }

                @Override public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                    jump(dflt);
                    for (Label l : labels) {
                        jump(l);
                    }
                }

                @Override public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                    jump(dflt);
                    for (Label l : labels) {
                        jump(l);
                    }
                }

                @Override public void visitTypeInsn(int opcode, String type) { type(type, "type"); }

                @Override public void visitMultiANewArrayInsn(String descriptor, int dims) { constant(Type.getType(descriptor)); }

                @Override public void visitFieldInsn(int opcode, String owner, String name, String desc) {
                    member(owner, name, "field");
                }

                @Override public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                    member(owner, name, "method");
                }

                @Override public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
                    member(bsm.getOwner(), bsm.getName(), "bootstrap");
                    for (Object a : args) {
                        constant(a);
                    }
                }

                @Override public void visitLdcInsn(Object value) { constant(value); }

                @Override public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    // A handler for everything (finally) or for Errors could swallow the StackOverflowError that
                    // ends runaway recursion, and retry: exponential time no firing limit sees.
                    type(type == null ? "java/lang/Throwable" : type, "type");
                }
            };
        }
    }
}
