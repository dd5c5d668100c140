package tijian.audit;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a unit across audits and years: "重庆市綦江区关坝镇人民政府", "关坝镇人民政府" and "关 坝 镇" are one unit,
 * 关坝镇. The parser already gives a short name; this folds what is left (width, spaces, region prefixes, body
 * suffixes) so that names written differently in different years still match.
 */
public final class UnitNames {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    /** 重庆市 / 重庆 and the like at the front. */
    private static final Pattern CITY = Pattern.compile("^(中共)?(重庆市|重庆)");
    /** One district or county before the unit proper: 綦江区, 南岸区, 万盛经济技术开发区, 石柱土家族自治县. */
    private static final Pattern DISTRICT = Pattern.compile("^(中共)?[\\p{IsHan}]{1,12}?(?<![社园景小片城校])(经济技术开发区|开发区|新区|自治县|区|县)");
    /** Body words around the unit: 人民政府, 办事处, 党工委, 党委 … */
    private static final Pattern LEADING_BODY = Pattern.compile("^(人民政府|政府|党委|区委|县委)+");
    private static final Pattern TRAILING_BODY = Pattern.compile(
            "(人民政府|政府|办事处|党工委|工委|党委|委员会)+$");
    /** "沙坪坝街道党工委、沙坪坝街道办事处": the first of several co-issuers names the unit. */
    private static final Pattern CO_ISSUERS = Pattern.compile("[、,，;；]");

    /** A title line: "<issuer>关于2025年度法治政府建设情况的报告" or "<issuer>2025年法治政府建设年度报告". */
    private static final Pattern TITLE = Pattern.compile(
            "^(.*?)(关于)?((?:19|20)\\d{2})年度?(推进)?法治(政府)?建设");

    private UnitNames() {}

    /** The key a unit is matched by; null for a blank name. */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = SPACES.matcher(s).replaceAll("");
        s = s.replaceAll("[\"“”《》()（）\\[\\]【】]", "");
        String[] parts = CO_ISSUERS.split(s);
        for (String part : parts) {
            String folded = fold(part);
            if (!folded.isEmpty()) {
                return folded;
            }
        }
        return null;
    }

    private static String fold(String s) {
        String t = CITY.matcher(s).replaceFirst("");
        String withoutDistrict = stripDistrict(t);
        if (!withoutDistrict.isEmpty()) {
            t = withoutDistrict;
        }
        String trimmed = TRAILING_BODY.matcher(t).replaceFirst("");
        return trimmed.isEmpty() ? t : trimmed;
    }

    /** Strips the district only when a unit remains after it (渝中区人民政府 stays 渝中区). */
    private static String stripDistrict(String s) {
        Matcher m = DISTRICT.matcher(s);
        if (!m.find()) {
            return s;
        }
        String rest = LEADING_BODY.matcher(s.substring(m.end())).replaceFirst("");
        String core = TRAILING_BODY.matcher(rest).replaceFirst("");
        return core.length() >= 2 ? rest : "";
    }

    /** The year a report is about, read from its title line when the parser found none. */
    public static Integer yearFromText(String text) {
        Title t = title(text);
        return t == null ? null : t.year();
    }

    /** The issuing unit, read from the title line (or the line above it) when the parser found none. */
    public static String unitFromText(String text) {
        Title t = title(text);
        return t == null ? null : normalise(t.issuer());
    }

    record Title(String issuer, Integer year) {}

    private static Title title(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\\R", 200);
        String previous = null;
        for (int i = 0; i < Math.min(lines.length, 120); i++) {
            String line = Normalizer.normalize(lines[i], Normalizer.Form.NFKC).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = TITLE.matcher(line);
            if (m.find() && (m.group(2) != null || line.contains("报告"))) {
                String issuer = m.group(1);
                int colon = Math.max(issuer.lastIndexOf(':'), issuer.lastIndexOf(']'));
                issuer = issuer.substring(colon + 1).strip();
                if (issuer.isEmpty() && previous != null && previous.length() <= 40) {
                    issuer = previous;
                }
                Integer year = Integer.valueOf(m.group(3));
                return new Title(issuer.isEmpty() ? null : issuer, year);
            }
            previous = line;
        }
        return null;
    }
}
