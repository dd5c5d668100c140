package tijian.rules;

/**
 * A document title as it must be cited, from {@code rules/data/canonical-titles.csv}. {@link #getFolded()} and
 * {@link #getCore()} are precomputed with {@link Titles} so rules can compare a citation against it cheaply.
 */
public final class CanonicalTitle {
    private final String title;
    private final String documentNumber;
    private final String folded;
    private final String core;

    public CanonicalTitle(String title, String documentNumber) {
        this.title = title;
        this.documentNumber = documentNumber;
        this.folded = Titles.fold(title);
        this.core = Titles.core(title);
    }

    /** The exact title, without 《》. */
    public String getTitle() { return title; }
    /** Its 发文字号 where it has one, else "". */
    public String getDocumentNumber() { return documentNumber; }
    /** {@link Titles#fold} of the title. */
    public String getFolded() { return folded; }
    /** {@link Titles#core} of the title: the name without its bracketed years. */
    public String getCore() { return core; }

    @Override public String toString() { return "《" + title + "》"; }
}
