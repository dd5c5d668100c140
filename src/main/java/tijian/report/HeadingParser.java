package tijian.report;

import java.util.List;

/** PLACEHOLDER until the structure parser lands. */
final class HeadingParser {
    private final List<PartWording> partWordings;

    HeadingParser(List<PartWording> partWordings) { this.partWordings = partWordings; }

    List<Section> parse(String text) { return List.of(); }
}
