package tijian.check;

import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

import tijian.report.HeadingStyle;
import tijian.report.Part;
import tijian.report.Section;

/**
 * Lets a stored {@link CheckView} be read back: a report's {@link Section} is an immutable class of the parser
 * (which knows nothing of JSON), so its constructor is named to Jackson here.
 */
@Singleton
public class CheckViewJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Section.class, SectionCreator.class);
    }

    abstract static class SectionCreator {
        @JsonCreator
        SectionCreator(@JsonProperty("index") int index, @JsonProperty("style") HeadingStyle style,
                       @JsonProperty("marker") String marker, @JsonProperty("number") int number,
                       @JsonProperty("title") String title, @JsonProperty("start") int start, @JsonProperty("end") int end,
                       @JsonProperty("bodyEnd") int bodyEnd, @JsonProperty("parent") int parent,
                       @JsonProperty("topLevel") boolean topLevel, @JsonProperty("parts") Set<Part> parts,
                       @JsonProperty("defects") List<String> defects) {}
    }
}
