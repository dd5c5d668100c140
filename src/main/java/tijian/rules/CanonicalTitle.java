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
    private final Integer validFrom;
    private final Integer validTo;

    public CanonicalTitle(String title, String documentNumber) {
        this(title, documentNumber, null, null);
    }

    /** A plan or programme with the years it covers (纲要 2021–2025: 2021, 2025); null where open. */
    public CanonicalTitle(String title, String documentNumber, Integer validFrom, Integer validTo) {
        this.title = title;
        this.documentNumber = documentNumber;
        this.validFrom = validFrom;
        this.validTo = validTo;
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
    /** The first year the document's period covers, or null when it has none (most laws). */
    public Integer getValidFrom() { return validFrom; }
    /** The last year the document's period covers, or null while it is open-ended. */
    public Integer getValidTo() { return validTo; }
    /** True when the document's period has ended before this year. */
    public boolean expiredBy(int year) { return validTo != null && validTo < year; }

    @Override public String toString() { return "《" + title + "》"; }
}
