package tijian.rules;

import java.util.List;

/**
 * A named word list from {@code rules/data/terms.csv} (rows {@code list,term}), built once per rule set so rules do
 * not collect it in every check. In a rule: {@code TermList(name == "cause-markers", $cause : regex)} then
 * {@code $r.find($cause)}, or {@code $labels : TermList(name == "appearance-rate-labels")} then
 * {@code $labels.occursIn(metric.label)}.
 */
public final class TermList {
    private final String name;
    private final List<String> words;
    private final String regex;

    public TermList(String name, List<String> words) {
        this.name = name;
        this.words = List.copyOf(words);
        this.regex = RuleFunctions.anyOf(this.words);
    }

    public String getName() { return name; }
    public List<String> getWords() { return words; }
    /** A regular expression matching any of the words literally, for {@code find}, {@code findInBody} and {@code matches}. */
    public String getRegex() { return regex; }

    /** True when the text contains any of the words; false for null. */
    public boolean occursIn(String text) { return RuleFunctions.containsAny(text, words); }

    @Override public String toString() { return name + words; }
}
