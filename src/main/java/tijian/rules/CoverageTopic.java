package tijian.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A recurring disclosure a good report covers (行政执法"三项制度", 法律顾问, 普法…), declared as a row of
 * {@code rules/data/coverage.csv}. Each topic is an advisory checklist item of its own, id {@code coverage.<name>}.
 */
public final class CoverageTopic {
    private final String id;
    private final String title;
    private final List<String> keywords;
    private final Pattern pattern;

    public CoverageTopic(String id, String title, List<String> keywords) {
        this.id = id;
        this.title = title;
        this.keywords = List.copyOf(keywords);
        this.pattern = Pattern.compile(String.join("|", keywords.stream().map(Pattern::quote).toList()));
    }

    /** The checklist item id, e.g. coverage.legal-advisers. */
    public String getId() { return id; }
    public String getTitle() { return title; }
    /** Any of these words in the report counts as covering the topic. */
    public List<String> getKeywords() { return keywords; }
    /** The keywords as one regular expression, for {@code report.find(...)}. */
    public String getRegex() { return pattern.pattern(); }

    @Override public String toString() { return id; }
}
