package tijian.rules;

import java.util.List;

/** A set of rule files that did not compile, did not validate, or whose examples failed. */
public final class RuleSetRejected extends Exception {
    private final String revision;
    private final List<Problem> problems;

    public RuleSetRejected(String revision, List<Problem> problems) {
        super(problems.stream().filter(Problem::isError).map(Problem::toString).reduce((a, b) -> a + "\n" + b).orElse("rejected"));
        this.revision = revision;
        this.problems = List.copyOf(problems);
    }

    public String revision() { return revision; }
    public List<Problem> problems() { return problems; }
}
