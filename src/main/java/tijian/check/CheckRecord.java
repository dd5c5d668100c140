package tijian.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import tijian.security.Caller;

/** One stored check: the report text, what the service answered, and the item statuses for queries. */
@Entity
@Table(name = "report_check")
public class CheckRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public Instant checkedAt;
    public String sha256;
    public String fileName;
    public String sourceFormat;
    @Column(columnDefinition = "text")
    public String title;
    public String unit;
    /** The unit as the key that matches it across years ({@code UnitNames.normalise}); null when no unit was read. */
    public String unitKey;
    public Integer year;
    public LocalDate publishedOn;
    public double score;
    public String grade;
    public String revision;
    /** The rule profile of the revision the check was made with (national, chongqing…). */
    public String profile;
    @Column(columnDefinition = "text")
    public String reportText;
    /** The extracted text with spacing and width folded, hashed: the same report in any file format. */
    public String textFingerprint;
    /** The uploaded .docx of a single check (in file_content), for the annotated Word file; null otherwise. */
    public String fileSha256;
    /** The answer as first returned (a JSON column). */
    @JdbcTypeCode(SqlTypes.JSON)
    public CheckView result;
    /** The audit file this check was made for, or null for a single check. */
    public Long auditFileId;
    /** The signed-in user who made a single check; null for an anonymous one and for audit checks. */
    public String owner;
    /** The owner's unit key when the owner is a unit user: its colleagues read the check too. */
    public String ownerUnitKey;

    /**
     * Who may read this check: inspectors and rule authors read all; a user its own and its unit's; an anonymous
     * check (no owner, not made for an audit) whoever holds its id. Everyone else is told it does not exist.
     */
    public boolean readableBy(Caller caller) {
        if (caller.readsEverything()) {
            return true;
        }
        if (auditFileId != null) {
            return false;
        }
        if (owner == null) {
            return true;
        }
        return owner.equals(caller.name()) || (ownerUnitKey != null && ownerUnitKey.equals(caller.unitKey()));
    }

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "check_item", joinColumns = @JoinColumn(name = "check_id"))
    public List<ItemStatus> items = new ArrayList<>();

    /** One item's verdict in a stored check. */
    @Embeddable
    public static class ItemStatus {
        public String itemId;
        public String status;
        public String severity;
        public int weight;

        public ItemStatus() {}

        public ItemStatus(String itemId, String status, String severity, int weight) {
            this.itemId = itemId;
            this.status = status;
            this.severity = severity;
            this.weight = weight;
        }
    }
}
