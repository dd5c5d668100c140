package tijian.rules;

import com.fasterxml.jackson.annotation.JsonValue;

/** The grade an inspector gives a report, from best to worst. */
public enum Grade {
    EXCELLENT("优秀"),
    GOOD("良好"),
    PASS("合格"),
    FAIL("不合格");

    private final String label;

    Grade(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    public static Grade ofLabel(String label) {
        for (Grade g : values()) {
            if (g.label.equals(label)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grade " + label);
    }

    Grade atMost(Grade cap) { return ordinal() < cap.ordinal() ? cap : this; }
}
