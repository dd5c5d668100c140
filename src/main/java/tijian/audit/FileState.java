package tijian.audit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a file of an audit is; stored in {@code audit_file.state} and answered under the same lower-case name. */
public enum FileState {
    QUEUED, RUNNING, DONE, FAILED,
    /** The same content, or the same report text, as an earlier file of the audit: checked once, not again. */
    DUPLICATE;

    @JsonValue
    public String value() { return name().toLowerCase(Locale.ROOT); }

    static FileState of(String stored) { return valueOf(stored.toUpperCase(Locale.ROOT)); }
}
