package tijian.report;

import java.util.regex.Pattern;

/**
 * One way real reports name a required part in a heading, from {@code rules/data/parts.csv}: when {@code pattern}
 * is found in a heading's title and {@code unless} (if any) is not, the heading names {@code part}.
 */
public record PartWording(Part part, Pattern pattern, Pattern unless) {
    public boolean matches(String headingTitle) {
        return pattern.matcher(headingTitle).find() && (unless == null || !unless.matcher(headingTitle).find());
    }
}
