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
     * The value as a number. The compiler refuses a rule set where a rule reads a setting {@code : number} whose value
     * is not one; a read it could not see (in a consequence, through a bound setting) fails here rather than yield
     * NaN, which would make every comparison false and let the item pass silently.
     *
     * @throws IllegalStateException when the value is not a number
     */
    public double getNumber() {
        if (!isNumber()) {
            throw new IllegalStateException("setting \"" + name + "\"" + (line > 0 ? " (data/settings.csv:" + line + ")" : "")
                    + " is read as a number but is \"" + value + "\"");
        }
        return number;
    }

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
