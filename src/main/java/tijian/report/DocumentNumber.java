package tijian.report;

/**
 * A 发文字号 such as 沙府办发〔2025〕46号: 机关代字 + 〔year〕 + serial + 号 (GB/T 9704—2012 7.2.4).
 */
public final class DocumentNumber implements Located {
    private final String raw;
    private final String issuer;
    private final int year;
    private final int serial;
    private final String defect;
    private final int start;
    private final int end;

    public DocumentNumber(String raw, String issuer, int year, int serial, String defect, int start, int end) {
        this.raw = raw;
        this.issuer = issuer;
        this.year = year;
        this.serial = serial;
        this.defect = defect;
        this.start = start;
        this.end = end;
    }

    public String getRaw() { return raw; }
    /** 机关代字, e.g. 沙府办发. */
    public String getIssuer() { return issuer; }
    public int getYear() { return year; }
    public int getSerial() { return serial; }
    /**
     * null when well formed; otherwise "missing-brackets" (沙府办发202546号, typical of text copied from web
     * pages), "wrong-brackets" ([2025], （2025）, 【2025】), "leading-zero" (〔2025〕046号) or "ordinal" (第46号).
     */
    public String getDefect() { return defect; }
    public boolean isWellFormed() { return defect == null; }
    @Override public int getStart() { return start; }
    @Override public int getEnd() { return end; }

    @Override public String toString() { return raw + (defect == null ? "" : "{" + defect + "}") + "@" + start; }
}
