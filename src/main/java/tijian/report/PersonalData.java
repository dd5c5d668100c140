package tijian.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen's personal number written in the report: an ID card number (18 digits with a valid check digit, or the
 * old 15-digit form), a mobile number, or a bank card number (Luhn). Published reports must not carry them.
 * <p>
 * Only numbers that pass their own validity test count, so that document numbers (沙府办发〔2025〕46号), hotlines
 * (12345, 023-12345), dates (20260128) and record numbers (渝公网安备 50010602500861号) are not taken for personal
 * data.
 */
public final class PersonalData implements Located {
    public enum Kind {
        ID_NUMBER("身份证号码"), MOBILE("手机号码"), BANK_CARD("银行卡号");

        private final String label;

        Kind(String label) { this.label = label; }

        public String getLabel() { return label; }
    }

    /** A run of digits (an ID may end in X), with the usual separators inside mobile and card numbers. */
    private static final Pattern DIGITS = Pattern.compile("(?<![0-9A-Za-z])[0-9](?:[0-9]|[ \\-](?=[0-9])){10,22}[0-9Xx]?(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private final Kind kind;
    private final int start;
    private final int end;
    private final String masked;

    private PersonalData(Kind kind, int start, int end, String masked) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.masked = masked;
    }

    public Kind getKind() { return kind; }
    @Override public int getStart() { return start; }
    @Override public int getEnd() { return end; }
    /** The number with all but its first and last digits hidden, as it should be published: 5001**********1234. */
    public String getMasked() { return masked; }

    static List<PersonalData> find(String text) {
        List<PersonalData> found = new ArrayList<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            Deadline.check();
            String raw = m.group();
            String digits = raw.replaceAll("[ \\-]", "");
            Kind kind = kindOf(digits, !raw.equals(digits));
            if (kind != null) {
                found.add(new PersonalData(kind, m.start(), m.end(), mask(digits, kind)));
            }
        }
        return found;
    }

    private static Kind kindOf(String digits, boolean separated) {
        if (!separated && digits.length() == 18 && isIdNumber18(digits)) return Kind.ID_NUMBER;
        if (!separated && digits.length() == 15 && isIdNumber15(digits)) return Kind.ID_NUMBER;
        if (digits.length() == 11 && MOBILE.matcher(digits).matches()) return Kind.MOBILE;
        if (digits.length() >= 16 && digits.length() <= 19 && digits.chars().allMatch(Character::isDigit) && luhn(digits)) {
            return Kind.BANK_CARD;
        }
        return null;
    }

    static boolean isIdNumber18(String s) {
        if (!s.substring(0, 17).chars().allMatch(Character::isDigit) || !validDate(s.substring(6, 14))) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (s.charAt(i) - '0') * ID_WEIGHTS[i];
        return Character.toUpperCase(s.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    static boolean isIdNumber15(String s) {
        return s.chars().allMatch(Character::isDigit) && s.charAt(0) >= '1' && s.charAt(0) <= '8'
                && validDate("19" + s.substring(6, 12));
    }

    private static boolean validDate(String yyyymmdd) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
            return d.getYear() >= 1900;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static String mask(String digits, Kind kind) {
        int keepHead = kind == Kind.MOBILE ? 3 : 4;
        int keepTail = 4;
        return digits.substring(0, keepHead) + "*".repeat(digits.length() - keepHead - keepTail)
                + digits.substring(digits.length() - keepTail);
    }
}
