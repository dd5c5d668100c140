package tijian.report;

/**
 * The numbering styles of GB/T 9704 headings, in their nesting order, plus the inline 一是…二是… enumerations
 * that reports use inside paragraphs.
 */
public enum HeadingStyle {
    /** 一、 */
    CHINESE(1),
    /** （一） or (一) */
    PAREN_CHINESE(2),
    /** 1. or 1．(and the malformed 1、) */
    ARABIC(3),
    /** （1） or (1) */
    PAREN_ARABIC(4),
    /** 一是 / 二是 inside a paragraph */
    INLINE(5);

    private final int level;

    HeadingStyle(int level) { this.level = level; }

    /** The level GB/T 9704 assigns to this style (1 = top). */
    public int getLevel() { return level; }
}
