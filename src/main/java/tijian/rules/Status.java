package tijian.rules;

/** The verdict on one checklist item. Declared from most to least serious. */
public enum Status {
    FAIL,
    WARN,
    NOT_APPLICABLE,
    PASS;

    /** Where an item gets several findings, the most serious one decides. */
    boolean outranks(Status other) { return ordinal() < other.ordinal(); }

    /** Share of the item's weight this status earns; NOT_APPLICABLE is left out of the score altogether. */
    double credit() {
        return switch (this) {
            case PASS -> 1.0;
            case WARN -> 0.5;
            case FAIL, NOT_APPLICABLE -> 0.0;
        };
    }
}
