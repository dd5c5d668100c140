package tijian.rules;

/**
 * An error or warning about a rule file or data file, with a position a rule author can go to. Line and column
 * count from 1; 0 when unknown.
 */
public record Problem(String file, int line, int column, String severity, String message) {
    public static Problem error(String file, int line, int column, String message) {
        return new Problem(file, line, column, "error", message);
    }

    public static Problem warning(String file, int line, int column, String message) {
        return new Problem(file, line, column, "warning", message);
    }

    public boolean isError() { return "error".equals(severity); }

    @Override public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + severity + ": " + message;
    }
}
