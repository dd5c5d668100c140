package tijian.report;

import java.util.List;

/**
 * How much of a part (or of the whole report) states concrete facts: of its sentences, how many carry a figure, a
 * date or year, a 《document》, a document number or a named place or body (concrete), and how many carry none
 * (empty: 高度重视、扎实推进、成效明显). A report that is mostly such sentences tells an inspector little.
 *
 * <p>Headings are not counted (a heading is a summary by nature), nor page chrome.
 */
public final class Concreteness implements Located {
    private final Part part;
    private final int sentences;
    private final int concrete;
    private final List<Span> emptiest;
    private final int start;
    private final int end;

    Concreteness(Part part, int sentences, int concrete, List<Span> emptiest, int start, int end) {
        this.part = part;
        this.sentences = sentences;
        this.concrete = concrete;
        this.emptiest = List.copyOf(emptiest);
        this.start = start;
        this.end = end;
    }

    /** The required part measured, or null for the report as a whole. */
    public Part getPart() { return part; }
    /** True for the measure of the whole report (from the title to the page footer). */
    public boolean isWhole() { return part == null; }
    /** Sentences counted (headings left out). */
    public int getSentences() { return sentences; }
    /** Sentences with at least one concrete fact. */
    public int getConcrete() { return concrete; }
    /** Sentences without any. */
    public int getEmpty() { return sentences - concrete; }
    /** The share of empty sentences, in percent (0–100, one decimal); 0 when there are no sentences. */
    public double getEmptyPercent() {
        return sentences == 0 ? 0 : Math.round(1000.0 * (sentences - concrete) / sentences) / 10.0;
    }
    /**
     * The emptiest paragraphs (lines), at most three, in text order: those with the largest share of empty
     * sentences, the longer first among equals; only paragraphs where at least half the sentences are empty.
     */
    public List<Span> getEmptiest() { return emptiest; }
    /** Where the measured text starts: the part's first heading, or the report's first line. */
    @Override public int getStart() { return start; }
    /** The end of the part's first heading, or of the report's first counted sentence, so that quoting it is short. */
    @Override public int getEnd() { return end; }

    @Override public String toString() {
        return (part == null ? "WHOLE" : part.name()) + ":" + concrete + "/" + sentences + " empty " + getEmptyPercent() + "%";
    }
}
