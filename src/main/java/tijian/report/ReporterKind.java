package tijian.report;

import java.util.regex.Pattern;

/**
 * What kind of body reports, read from the issuer (or the title when no issuer was found). Deadlines depend on it:
 * government departments report to their government earlier (3月1日 in the provincial guidelines) than governments
 * and party committees (4月1日).
 */
public enum ReporterKind {
    /** 党委和政府 jointly: "沙坪坝街道党工委、沙坪坝街道办事处", "中共××县委 ××县人民政府". */
    PARTY_AND_GOVERNMENT("党委和政府", "government"),
    /** A 街道办事处 or 乡镇人民政府. */
    TOWNSHIP("街道办事处/乡镇", "government"),
    /** A 人民政府 at county level or above. */
    GOVERNMENT("人民政府", "government"),
    /** A department of a government: 司法局, 发展和改革委员会, 住房城乡建委, 政府办公室… */
    DEPARTMENT("政府部门", "department"),
    /** Neither issuer nor title names a body this recognises. */
    UNKNOWN("未识别", "");

    private static final Pattern PARTY = Pattern.compile("党工委|党委|(?:区|县|市|州|旗|省)委(?!员会)|中共");
    private static final Pattern GOVERNMENT_BODY = Pattern.compile("人民政府|政府|办事处|管委会|管理委员会");
    private static final Pattern TOWNSHIP_BODY = Pattern.compile("(?:街道|镇|乡)(?:人民政府|政府|办事处|党工委|党委)|街道$|[镇乡]$");
    /** A department's own name at the end: 局, 委员会 (not 党的委员会), a 委 that is not a party committee, 办公室… */
    private static final Pattern DEPARTMENT_BODY = Pattern.compile(
            "(?:局|厅|署|委员会|(?<![党区县市州旗省工])委|办公室|办公厅|中心|监狱|院)$");

    private final String label;
    private final String deadlineGroup;

    ReporterKind(String label, String deadlineGroup) {
        this.label = label;
        this.deadlineGroup = deadlineGroup;
    }

    /** How a clerk names the kind: 政府部门. */
    public String getLabel() { return label; }

    /** Which deadline applies: "department" or "government" (settings submission-deadline.*), "" when unknown. */
    public String getDeadlineGroup() { return deadlineGroup; }

    /** The kind of the body that issues a report with this issuer and title (either may be null). */
    public static ReporterKind of(String issuer, String title) {
        String who = issuer != null && !issuer.isBlank() ? issuer.strip() : issuerPartOf(title);
        if (who == null || who.isBlank()) {
            return UNKNOWN;
        }
        boolean party = PARTY.matcher(who).find();
        boolean government = GOVERNMENT_BODY.matcher(who).find();
        if (!party && !government && DEPARTMENT_BODY.matcher(who).find()) {
            return DEPARTMENT;
        }
        if (party && government) {
            return PARTY_AND_GOVERNMENT;
        }
        if (TOWNSHIP_BODY.matcher(who).find()) {
            return TOWNSHIP;
        }
        if (government) {
            return who.endsWith("办公室") || who.endsWith("办公厅") ? DEPARTMENT : GOVERNMENT;
        }
        return UNKNOWN;
    }

    /** The words of a title before 关于 or the year: "重庆市沙坪坝区司法局关于2025年…" → "重庆市沙坪坝区司法局". */
    private static String issuerPartOf(String title) {
        if (title == null) {
            return null;
        }
        int cut = title.indexOf("关于");
        if (cut < 0) {
            java.util.regex.Matcher y = Pattern.compile("(?:19|20)\\d\\d").matcher(title);
            cut = y.find() ? y.start() : -1;
        }
        return cut > 0 ? title.substring(0, cut) : null;
    }
}
