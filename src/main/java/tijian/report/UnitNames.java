package tijian.report;

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
    /**
     * A county or district party committee named alone ("中共浚县县委"): the parser used to give it for joint
     * party-and-government reports and now gives the place (浚县), so both fold to the place and the history matches.
     */
    private static final Pattern PARTY_COMMITTEE = Pattern.compile("^(?:中共)?(\\p{IsHan}{1,12}?(县|区|市|旗))\\2委$");
    /** "沙坪坝街道党工委、沙坪坝街道办事处": the first of several co-issuers names the unit. */
    private static final Pattern CO_ISSUERS = Pattern.compile("[、,，;；]");

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
        Matcher party = PARTY_COMMITTEE.matcher(s);
        if (party.matches()) s = party.group(1);
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
}
