package tijian.rules;

/**
 * One word of a named word list from {@code rules/data/terms.csv} (columns {@code list,term}), e.g. the list
 * {@code cause-markers} holds 原因, 由于, 导致. In a rule: {@code Term(list == "cause-markers", $word : term)}.
 */
public final class Term {
    private final String list;
    private final String term;

    public Term(String list, String term) {
        this.list = list;
        this.term = term;
    }

    public String getList() { return list; }
    public String getTerm() { return term; }

    @Override public String toString() { return list + ":" + term; }
}
