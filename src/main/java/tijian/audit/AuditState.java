package tijian.audit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an audit is as a whole: nothing started yet, files being worked on, or every file finished. */
public enum AuditState {
    QUEUED, RUNNING, FINISHED;

    @JsonValue
    public String value() { return name().toLowerCase(Locale.ROOT); }
}
