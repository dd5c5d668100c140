package tijian.report;

/** How a stated figure bounds the real one to its value: 不少于200件 is AT_LEAST, 五万余 is MORE_THAN, 约 is ABOUT. */
public enum Bound {
    EXACT,
    /** 不少于, 不低于, 至少, 以上 (≥) */
    AT_LEAST,
    /** 余, 多, 超过 (>) */
    MORE_THAN,
    /** 不超过, 不高于, 以内, 以下 (≤) */
    AT_MOST,
    /** 约, 左右, 近 */
    ABOUT
}
