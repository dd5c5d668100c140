package tijian.report;

/** Anything that sits at a place in the report text; evidence points at such places. */
public interface Located {
    /** Offset of the first character, counted in UTF-16 chars of {@link Report#getText()}. */
    int getStart();

    /** Offset just past the last character. */
    int getEnd();
}
