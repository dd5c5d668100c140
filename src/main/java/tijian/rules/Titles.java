package tijian.rules;

import java.util.regex.Pattern;

/** Comparison helpers for cited titles, used by the citation rules. */
public final class Titles {
    private static final Pattern DASHES = Pattern.compile("[－—–‐‑‒―\\-~～至]+");
    private static final Pattern BRACKETED = Pattern.compile("[(（][^()（）]*[)）]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Titles() {}

    /**
     * Folds what does not count as a difference: bracket width, dash variants and spaces. Years and 年 are kept,
     * so 《法治政府建设实施纲要（2021—2025）》 still differs from the canonical （2021－2025年）.
     */
    public static String fold(String title) {
        String t = SPACES.matcher(title).replaceAll("");
        t = t.replace('（', '(').replace('）', ')').replace('〔', '(').replace('〕', ')');
        return DASHES.matcher(t).replaceAll("-");
    }

    /** The name without any bracketed part: 法治政府建设实施纲要（2021－2025年） → 法治政府建设实施纲要. */
    public static String core(String title) {
        return BRACKETED.matcher(fold(title)).replaceAll("");
    }
}
