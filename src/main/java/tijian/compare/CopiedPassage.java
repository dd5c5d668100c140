package tijian.compare;

/**
 * A fact for the rules: a passage of this report (one or more consecutive sentences) that stands, the same or
 * nearly, in another unit's report. {@code counterpart} holds both: this report's span and the other report's check,
 * unit name and quote, and is what a rule gives as evidence so that the checklist shows the two side by side.
 */
public final class CopiedPassage {
    /** How an unnamed other unit reads in messages and beside the passage. */
    static final String UNNAMED = "另一单位";
    private static final String WITHHELD = "（其他单位的原文仅检查人员可见）";

    private final Counterpart counterpart;
    private final String unitKey;
    private final int sentences;
    private final int chars;

    public CopiedPassage(Counterpart counterpart, String unitKey, int sentences, int chars) {
        this.counterpart = counterpart;
        this.unitKey = unitKey;
        this.sentences = sentences;
        this.chars = chars;
    }

    public Counterpart getCounterpart() { return counterpart; }
    public int getStart() { return counterpart.start(); }
    public int getEnd() { return counterpart.end(); }
    /** The stored check (or the example's companion) the other passage comes from. */
    public String getCheckId() { return counterpart.checkId(); }
    /** The other unit's name as a reader knows it. */
    public String getUnit() { return counterpart.label(); }
    public String getUnitKey() { return unitKey; }
    /** The other report's passage. */
    public String getQuote() { return counterpart.quote(); }
    public int getSentences() { return sentences; }
    /** Letters and digits of this report's passage (what the similarity counts). */
    public int getChars() { return chars; }

    /** This passage with the other report's check, unit name and text withheld; this report's span stays. */
    CopiedPassage unnamed() {
        return new CopiedPassage(new Counterpart(getStart(), getEnd(), null, UNNAMED, WITHHELD), unitKey, sentences, chars);
    }

    @Override public String toString() { return "CopiedPassage" + counterpart; }
}
