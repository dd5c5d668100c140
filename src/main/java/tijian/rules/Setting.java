package tijian.rules;

/**
 * A threshold or switch from {@code rules/data/settings.csv}, e.g. {@code head-appearance.required-rate = 100}.
 * In a rule: {@code Setting(name == "head-appearance.required-rate", $required : number)}.
 */
public final class Setting {
    private final String name;
    private final String value;
    private final int line;
    private final double number;

    public Setting(String name, String value) {
        this(name, value, 0);
    }

    Setting(String name, String value, int line) {
        this.name = name;
        this.value = value;
        this.line = line;
        this.number = parse(value);
    }

    public String getName() { return name; }
    public String getValue() { return value; }

    /** The line of settings.csv the setting stands on, 0 when it came from elsewhere. */
    public int getLine() { return line; }

    /**
     * The value as a number; NaN when it is not one. A rule never sees NaN: the compiler refuses a rule set where a
     * rule reads a setting {@code : number} whose value is not a number, because NaN makes every comparison false
     * and the item would pass silently.
     */
    public double getNumber() { return number; }

    boolean isNumber() { return !Double.isNaN(number); }

    static double parse(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override public String toString() { return name + "=" + value; }
}
