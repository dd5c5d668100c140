package tijian.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message texts of a rule set, from {@code rules/data/messages.csv} (rows {@code key,text}), one fact per check.
 * A text may hold named places, {@code {heading}}, filled by the rule:
 * {@code $say : Messages()} … {@code insert(Finding.fail(kcontext, $say.format("meta.title.no-title")));} or
 * {@code $say.format("structure.causes.only-symptoms", "title", $s.getTitle())}. Code-to-text tables (what a defect
 * code means to a reader) are rows too: {@code $say.nameOf("numbering-defect", $code)}.
 */
public final class Messages {
    private static final Pattern PLACE = Pattern.compile("\\{([\\w-]+)}");

    private final Map<String, String> texts;

    Messages(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /**
     * The text of {@code key} with each {@code {name}} replaced by the value given after that name.
     *
     * @throws IllegalArgumentException for a key the table lacks or a place left without a value, so an example
     *                                  that reaches the rule fails instead of showing a reader "{title}"
     */
    public String format(String key, Object... namesAndValues) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("data/messages.csv has no message \"" + key + "\"");
        }
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("message \"" + key + "\": give each value after its name");
        }
        Matcher place = PLACE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (place.find()) {
            Object value = valueOf(place.group(1), namesAndValues);
            if (value == null) {
                throw new IllegalArgumentException("message \"" + key + "\" needs a value for {" + place.group(1) + "}");
            }
            place.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        return place.appendTail(out).toString();
    }

    /** The text a code stands for in a table ({@code numbering-defect.skipped} → 序号跳号); the code itself when the table lacks it. */
    public String nameOf(String table, String code) {
        return texts.getOrDefault(table + "." + code, code);
    }

    boolean has(String key) { return texts.containsKey(key); }

    boolean hasTable(String table) { return texts.keySet().stream().anyMatch(k -> k.startsWith(table + ".")); }

    private static Object valueOf(String name, Object[] namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (name.equals(namesAndValues[i])) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }
}
