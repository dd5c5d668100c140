package tijian.rules;

/**
 * A threshold or switch from {@code rules/data/settings.csv}, e.g. {@code head-appearance.required-rate = 100}.
 * In a rule: {@code Setting(name == "head-appearance.required-rate", $required : number)}.
 */
public final class Setting {
    private final String name;
    private final String value;

    public Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() { return name; }
    public String getValue() { return value; }

    /** The value as a number; NaN when it is not one. */
    public double getNumber() {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override public String toString() { return name + "=" + value; }
}
