package tijian.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tijian.testsupport.SampleReports;

/**
 * Makes many reports out of the three samples: other unit names, other years, a part dropped, a rate changed.
 * Each variation knows the unit and year it should be recognised as.
 */
public final class ReportVariations {
    /** A sample, the unit name it uses, and the year it reports on. */
    public record Sample(String resource, String unit, int year) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample(SampleReports.GUANBA, "关坝镇", 2025),
            new Sample(SampleReports.SHAPINGBA, "沙坪坝街道", 2025),
            new Sample(SampleReports.HAITANGXI, "海棠溪街道", 2023));

    static final String[] TOWNS = {"石林", "青山", "东溪", "永城", "古南", "三角", "打通", "安稳", "赶水", "篆塘",
            "丁山", "横山", "郭扶", "石壕", "隆盛", "新盛", "扶欢", "万东", "通惠", "文龙", "三江", "永新"};
    static final String[] STREETS = {"渝州路", "石桥铺", "龙洲湾", "南坪", "铜元局", "花园路", "弹子石", "天星桥", "小龙坎", "井口",
            "童家桥", "覃家岗", "歇马", "蔡家岗", "鸳鸯", "人和", "大竹林", "礼嘉", "悦来", "回兴", "双凤桥", "宝圣湖",
            "龙溪", "龙塔", "翠云", "康美", "木耳", "双龙湖", "仙桃", "王家", "玉峰山", "古路", "茨竹", "统景",
            "大盛", "兴隆", "张关", "石船", "洛碛", "石坪"};

    /** A generated report: where it goes in the zip, its bytes, and what it should be recognised as. */
    public record Variation(String path, byte[] bytes, String unit, int year, String kind) {}

    private ReportVariations() {}

    /** The i-th variation (i from 0): unit names and years are chosen so that (unit, year) never repeats. */
    public static Variation variation(int i) {
        Sample s = SAMPLES.get(i % 3);
        int k = i / 3;
        String[] names = s.unit().endsWith("镇") ? TOWNS : STREETS;
        String stem = names[k % names.length];
        String unit = stem + (s.unit().endsWith("镇") ? "镇" : "街道");
        int shift = k / names.length;
        String kind = switch (i % 5) {
            case 1 -> "drop-shortcomings";
            case 2 -> "change-rate";
            case 3 -> "drop-causes";
            default -> "plain";
        };
        return make(s, unit, shift, kind, i % 7 == 6 ? "重庆市某某区" + unit + "人民政府" : null,
                "江津区/" + (s.unit().endsWith("镇") ? "镇/" : "街道/") + unit + "-" + (s.year() - shift) + ".txt");
    }

    /**
     * A sample with its unit renamed, its years shifted back by {@code shift}, and one change.
     *
     * @param issuer when set, the title names the unit this way (e.g. with its district and 人民政府)
     */
    public static Variation make(Sample s, String unit, int shift, String kind, String issuer, String path) {
        String text = SampleReports.text(s.resource()).replace(s.unit(), unit);
        text = shiftYears(text, shift);
        switch (kind) {
            case "drop-shortcomings" -> text = dropPart(text, "不足");
            case "change-rate" -> text = text.replaceFirst("(出庭(应诉)?率)100%", "$190%");
            case "drop-causes" -> text = text.replace("原因", "情况");
            default -> { }
        }
        if (issuer != null) {
            int year = s.year() - shift;
            text = text.replaceFirst("(?m)^.*" + Pattern.quote(unit) + ".*关于" + year, Matcher.quoteReplacement(issuer) + "关于" + year);
        }
        return new Variation(path, text.getBytes(StandardCharsets.UTF_8), unit, s.year() - shift, kind);
    }

    static String shiftYears(String text, int shift) {
        if (shift == 0) {
            return text;
        }
        Matcher m = Pattern.compile("20[12]\\d").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group()) - shift));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Removes the part whose heading contains {@code word}, up to the next top-level heading. */
    static String dropPart(String text, String word) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        Pattern top = Pattern.compile("^[一二三四五六七八九十]+、");
        for (String line : lines) {
            if (top.matcher(line).find()) {
                dropping = line.contains(word);
            }
            if (!dropping) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** A zip of the given files (path → bytes), names in UTF-8. */
    public static byte[] zip(List<Variation> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            List<String> dirs = new ArrayList<>();
            for (Variation f : files) {
                String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/') + 1) : null;
                if (dir != null && !dirs.contains(dir)) {
                    dirs.add(dir);
                    zip.putNextEntry(new ZipEntry(dir));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(f.path()));
                zip.write(f.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
