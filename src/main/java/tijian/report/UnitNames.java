package tijian.report;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unit names, read one way for the report and for the history. {@link #unitOf} is the unit a report's issuer names
 * ("重庆市綦江区关坝镇人民政府" → 关坝镇, "江苏省司法厅" stays 江苏省司法厅); {@link #normalise} is the key a unit is matched
 * by across audits and years ("关坝镇人民政府", "关 坝 镇" → 关坝镇); {@link #keys} adds the key the service gave the
 * unit before departments kept their province (司法厅), so that their earlier audits are still found.
 *
 * <p>The place and body words are one list, used by all three.
 */
public final class UnitNames {
    private UnitNames() {}

    // ---- the one list of place and body words

    /** The four municipalities and provinces / autonomous regions, at the front of a name. */
    private static final String PROVINCE = "(?:北京|天津|上海|重庆)市?|\\p{IsHan}{1,8}?(?:省|自治区)";
    /**
     * Places below a province, as a name's ending: 綦江区, 浚县, 郑州市, 万盛经济技术开发区, 石柱土家族自治县. A 社区, 园区, 景区,
     * 小区, 片区, 城区 or 校区 is no place of its own (城市管理局 neither).
     */
    private static final String COUNTY_WORDS = "经济技术开发区|开发区|新区|自治州|自治县|地区|市|区|县";
    private static final String COUNTY = "(?<![社园景小片城校])(?:" + COUNTY_WORDS + "|州|盟|旗)";
    /** Places of the lowest level; a unit named so is itself a place and keeps no region before it. */
    private static final String TOWN = "(?:街道|镇|乡)";
    /** A government's names for itself; of a joint party-and-government report, the government names the unit. */
    private static final String GOVERNMENT = "人民政府|政府|办事处";
    /** Body words after a place's name that are not the unit's own name. */
    private static final String BODY = GOVERNMENT + "|党工委|工委|党委";
    /** A county's or district's party committee named alone (中共浚县县委): the unit is the place. */
    private static final Pattern PARTY_COMMITTEE = Pattern.compile("^(?:中共)?(\\p{IsHan}{1,12}?(县|区|市|旗))\\2委$");

    private static final Pattern TRAILING_BODY = Pattern.compile("(?:" + BODY + ")$");
    private static final Pattern IS_GOVERNMENT = Pattern.compile("(?:" + GOVERNMENT + ")$");
    private static final Pattern LEADING_PROVINCE = Pattern.compile("^(?:" + PROVINCE + ")");
    private static final Pattern SMALLER_PLACE = Pattern.compile("^\\p{IsHan}{1,10}?" + COUNTY);
    /**
     * Any one place or body before a 街道/镇/乡: 某某省, 某某市, 綦江区, 人民政府. Not a bare 州, 盟 or 旗: in a town's own
     * name they are words (渝州路街道, 红旗路街道), and a town keeps its whole name.
     */
    private static final Pattern PLACE_BEFORE_TOWN = Pattern.compile(
            "^(?:" + PROVINCE + "|\\p{IsHan}{1,8}?(?<![社园景小片城校])(?:" + COUNTY_WORDS + ")|" + GOVERNMENT + ")");
    private static final Pattern IS_TOWN = Pattern.compile(".+" + TOWN);
    /** One county-level place before a department (the history key leaves it out: 沙坪坝区司法局 → 司法局). */
    private static final Pattern DISTRICT_BEFORE_UNIT = Pattern.compile(
            "^\\p{IsHan}{1,12}?(?<![社园景小片城校])(?:经济技术开发区|开发区|新区|自治县|区|县)");
    /** The history key leaves body words out entirely (委员会 too): 某某区发展和改革委员会 and 某某区发展和改革 are one. */
    private static final Pattern KEY_TRAILING_BODY = Pattern.compile("(?:" + BODY + "|委员会)+$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern MARKS = Pattern.compile("[\"“”《》()（）\\[\\]【】]");
    /**
     * Co-issuers: 、，, / and spaces; 和/及/与 only right after a body's name ("XX镇党委和XX镇人民政府"; 人和街道 and
     * 和平镇 keep theirs); a party committee running straight into the government ("中共浚县县委浚县人民政府").
     */
    private static final Pattern CO_ISSUERS = Pattern.compile("[、，,/;；\\s]+|(?<=党委|党工委|工委|政府|办事处|委员会)[和及与]"
            + "|(?<=党委|党工委|工委|县委|市委|区委|州委|旗委|省委)(?=\\p{IsHan}{2,30}(?:" + GOVERNMENT + ")$)");

    /**
     * The unit an issuer names: the government of a joint party-and-government report, without 人民政府/办事处/党工委/
     * 党委; for 街道/镇/乡 without every place before it; for others without the province or municipality only when a
     * smaller place follows it (重庆市沙坪坝区司法局 → 沙坪坝区司法局, but 江苏省司法厅 and 上海市司法局 keep theirs).
     */
    public static String unitOf(String issuer) {
        if (issuer == null || issuer.isBlank()) return null;
        String[] issuers = CO_ISSUERS.split(issuer.strip());
        String u = issuers.length == 0 ? issuer.strip() : issuers[0].strip();
        for (String i : issuers) {
            if (IS_GOVERNMENT.matcher(i.strip()).find()) {
                u = i.strip();
                break;
            }
        }
        Matcher party = PARTY_COMMITTEE.matcher(u);
        if (party.matches()) u = party.group(1);
        if (u.startsWith("中共") && u.length() > 4) u = u.substring(2);
        u = withoutBody(u, TRAILING_BODY);
        if (IS_TOWN.matcher(u).matches()) {
            String before;
            do {
                before = u;
                Matcher p = PLACE_BEFORE_TOWN.matcher(u);
                if (p.find() && u.length() - p.end() >= 2 && IS_TOWN.matcher(u.substring(p.end())).matches()) {
                    u = u.substring(p.end());
                }
            } while (!u.equals(before));
        } else {
            Matcher p = LEADING_PROVINCE.matcher(u);
            if (p.find() && u.length() - p.end() >= 2 && SMALLER_PLACE.matcher(u.substring(p.end())).find()) {
                u = u.substring(p.end());
            }
        }
        return u;
    }

    /** The key a unit is matched by across audits and years; null for a blank name. */
    public static String normalise(String name) {
        String u = unitOf(clean(name));
        if (u == null || u.isEmpty()) return null;
        Matcher d = DISTRICT_BEFORE_UNIT.matcher(u);
        if (d.find()) {
            String rest = u.substring(d.end());
            if (withoutBody(rest, KEY_TRAILING_BODY).length() >= 2 && !rest.startsWith("人民政府")) u = rest;
        }
        return withoutBody(u, KEY_TRAILING_BODY);
    }

    /**
     * The keys a unit's history is found by: its key, and for a province's or municipality's department the key
     * without the province, which the service gave before it kept departments' regions (江苏省司法厅 → 司法厅).
     */
    public static List<String> keys(String name) {
        String key = normalise(name);
        List<String> keys = new ArrayList<>();
        if (key == null) return keys;
        keys.add(key);
        Matcher p = LEADING_PROVINCE.matcher(key);
        if (p.find() && !IS_TOWN.matcher(key).matches()) {
            String rest = key.substring(p.end());
            if (rest.length() >= 2 && !SMALLER_PLACE.matcher(rest).matches()) keys.add(rest);
        }
        return keys;
    }

    private static String clean(String name) {
        if (name == null) return null;
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return MARKS.matcher(SPACES.matcher(s).replaceAll("")).replaceAll("");
    }

    /** Body words at the end removed, as long as at least two characters of the name remain. */
    private static String withoutBody(String u, Pattern body) {
        String before;
        do {
            before = u;
            Matcher s = body.matcher(u);
            if (s.find() && s.start() >= 2) u = u.substring(0, s.start());
        } while (!u.equals(before));
        return u;
    }
}
