package tijian.rules;

import tijian.report.Part;

/**
 * A part every report must contain, declared as a row of {@code rules/data/required-parts.csv}; each row is a
 * checklist item of its own, judged by the required-part rules in {@code structure.drl}. Its messages are the rows
 * {@code <item>.found}, {@code <item>.missing} (and {@code <item>.below-top-level} when {@link #isTopLevel()}) of
 * {@code data/messages.csv}.
 */
public final class RequiredPart {
    static final String FOUND = ".found";
    static final String MISSING = ".missing";
    static final String BELOW_TOP_LEVEL = ".below-top-level";

    private final Part part;
    private final Item item;
    private final boolean topLevel;

    RequiredPart(Part part, Item item, boolean topLevel) {
        this.part = part;
        this.item = item;
        this.topLevel = topLevel;
    }

    public Part getPart() { return part; }
    /** The checklist item id, e.g. structure.shortcomings. */
    public String getItem() { return item.id(); }
    /** The part must stand as a top-level heading; found only as a sub-heading it is a WARN. */
    public boolean isTopLevel() { return topLevel; }
    /** The document that requires the part, e.g. 《法治政府建设与责任落实督察工作规定》. */
    public String getBasis() { return item.basis(); }

    /** What a missing part costs: a regulation's part fails, good practice only warns. */
    public Status getMissingStatus() { return item.severity() == Severity.MANDATORY ? Status.FAIL : Status.WARN; }

    Item item() { return item; }

    @Override public String toString() { return item.id() + ":" + part; }
}
