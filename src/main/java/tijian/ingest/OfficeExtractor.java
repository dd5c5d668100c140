package tijian.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import tijian.refusal.Refusal;

/** Word documents: .docx (OOXML zip) and .doc (OLE2), plus refusing other zip / OLE2 files. */
final class OfficeExtractor {

    private OfficeExtractor() {}

    /** Limits for the docx zip container (checked on declared sizes before POI reads anything). */
    static final int DOCX_MAX_ENTRIES = 5_000;
    static final long DOCX_MAX_TOTAL = 512L * 1024 * 1024;
    static final long DOCX_MAX_ENTRY = 256L * 1024 * 1024;
    static final double DOCX_MAX_RATIO = 100;
    /** Ratio checks apply above this size: tiny entries legitimately compress extremely well. */
    static final long RATIO_MIN_SIZE = 1024 * 1024;

    static {
        // POI's zip-bomb guard is JVM-global static state; only ever tighten it, never loosen what others set.
        // It counts the bytes really inflated, so it also catches entries whose declared sizes lie.
        if (ZipSecureFile.getMinInflateRatio() < 1 / DOCX_MAX_RATIO) ZipSecureFile.setMinInflateRatio(1 / DOCX_MAX_RATIO);
        if (ZipSecureFile.getMaxEntrySize() > DOCX_MAX_ENTRY) ZipSecureFile.setMaxEntrySize(DOCX_MAX_ENTRY);
    }

    // ---------------------------------------------------------------- zip (docx)

    static Document extractZip(byte[] b, String ext) throws IOException {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        boolean word = false, excel = false, powerpoint = false, odf = false, ofd = false;
        try (ZipFile zf = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(b)).get()) {
            Enumeration<ZipArchiveEntry> en = zf.getEntries();
            while (en.hasMoreElements()) {
                ZipArchiveEntry e = en.nextElement();
                entries.add(e);
                if (entries.size() > DOCX_MAX_ENTRIES) {
                    throw IngestRefusals.zipBomb("文件内条目超过 " + DOCX_MAX_ENTRIES + " 个", "more than " + DOCX_MAX_ENTRIES + " entries");
                }
                String n = e.getName();
                if (n.equals("word/document.xml")) word = true;
                else if (n.equals("xl/workbook.xml")) excel = true;
                else if (n.equals("ppt/presentation.xml")) powerpoint = true;
                else if (n.equals("content.xml") || n.equals("mimetype")) odf = true;
                else if (n.equalsIgnoreCase("OFD.xml")) ofd = true;
            }
            if (!word) {
                // the main part may have another name; [Content_Types].xml says which
                ZipArchiveEntry ct = zf.getEntry("[Content_Types].xml");
                if (ct != null && ct.getSize() >= 0 && ct.getSize() < 1_000_000) {
                    try (InputStream in = zf.getInputStream(ct)) {
                        String types = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
                        word = types.contains("wordprocessingml.document.main+xml")
                                || types.contains("ms-word.document.macroEnabled.main+xml")
                                || types.contains("wordprocessingml.template.main+xml");
                    }
                }
            }
        } catch (Refusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a truncated or damaged zip container (typically a docx cut off during download)
            throw IngestRefusals.corrupt("docx".equals(ext) || ext.isEmpty() ? "docx" : ext, e);
        }
        if (!word) {
            if (excel) throw IngestRefusals.unsupported("Excel 表格", "Excel workbook");
            if (powerpoint) throw IngestRefusals.unsupported("PowerPoint 演示文稿", "PowerPoint presentation");
            if (odf) throw IngestRefusals.unsupported("OpenDocument/WPS 文档，请另存为 .docx", "OpenDocument file; please save it as .docx");
            if (ofd) throw IngestRefusals.unsupported("OFD 版式文件，请另存为 PDF", "OFD file; please save it as PDF");
            throw IngestRefusals.unsupported("zip 压缩包，请使用批量上传", "zip archive; use the batch upload for archives");
        }
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            long size = e.getSize();
            long csize = e.getCompressedSize();
            if (size < 0) continue; // unknown here; POI's ZipSecureFile counts the real bytes
            total += size;
            if (size > DOCX_MAX_ENTRY || total > DOCX_MAX_TOTAL) {
                throw IngestRefusals.zipBomb("解压后超过 " + IngestRefusals.human(DOCX_MAX_TOTAL), "expands beyond " + IngestRefusals.human(DOCX_MAX_TOTAL));
            }
            if (size > RATIO_MIN_SIZE && csize > 0 && (double) size / csize > DOCX_MAX_RATIO) {
                throw IngestRefusals.zipBomb("条目 " + e.getName() + " 压缩比 " + size / csize + ":1", "entry " + e.getName() + " ratio " + size / csize + ":1");
            }
            if (size > RATIO_MIN_SIZE && csize == 0) {
                throw IngestRefusals.zipBomb("条目 " + e.getName() + " 压缩比异常", "entry " + e.getName() + " has an abnormal ratio");
            }
        }
        return docx(b);
    }

    static Document docx(byte[] b) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(b));
             XWPFDocument doc = new XWPFDocument(pkg)) {
            WordNumbering numbering = new WordNumbering(doc.getNumbering(), doc.getStyles());
            StringBuilder sb = new StringBuilder();
            for (IBodyElement el : doc.getBodyElements()) {
                Interrupts.check();
                appendBodyElement(sb, el, numbering);
            }
            String text = Texts.tidy(sb.toString());
            if (Texts.isBlank(text)) throw IngestRefusals.noText("docx");
            return new Document(text, "docx", null);
        } catch (Refusal | Interrupts.Stopped e) {
            throw e;
        } catch (Exception e) {
            if (isZipBomb(e)) {
                throw IngestRefusals.zipBomb("解压数据量或压缩比超过限制", "inflated size or ratio over the limit");
            }
            if (causeIs(e, EncryptedDocumentException.class)) throw IngestRefusals.encrypted("docx");
            throw IngestRefusals.corrupt("docx", e);
        }
    }

    private static void appendBodyElement(StringBuilder sb, IBodyElement el, WordNumbering numbering) {
        if (el instanceof XWPFParagraph p) {
            String text = p.getText();
            String label = numbering.label(p);
            sb.append(WordNumbering.join(label, text == null ? "" : text.strip())).append('\n');
        } else if (el instanceof XWPFTable t) {
            appendTable(sb, t);
        } else if (el instanceof XWPFSDT sdt) {
            sb.append(sdt.getContent().getText()).append('\n');
        }
    }

    /** Each row one line, cells separated by a tab; paragraphs inside a cell joined with a space. */
    private static void appendTable(StringBuilder sb, XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
            Interrupts.check();
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                StringBuilder c = new StringBuilder();
                for (IBodyElement el : cell.getBodyElements()) {
                    String part;
                    if (el instanceof XWPFParagraph p) part = p.getText();
                    else if (el instanceof XWPFTable nested) {
                        StringBuilder n = new StringBuilder();
                        appendTable(n, nested);
                        part = n.toString();
                    } else part = "";
                    part = part == null ? "" : part.replaceAll("[\\s\\u00A0]+", " ").strip();
                    if (!part.isEmpty()) {
                        if (c.length() > 0) c.append(' ');
                        c.append(part);
                    }
                }
                cells.add(c.toString());
            }
            String line = String.join("\t", cells).strip();
            if (!line.isEmpty()) sb.append(line).append('\n');
        }
    }

    static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("max. ratio") || m.contains("exceed the max")
                    || m.contains("MAX_ENTRY_SIZE") || m.contains("ZipSecureFile"))) {
                return true;
            }
        }
        return false;
    }

    static boolean causeIs(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    // ---------------------------------------------------------------- OLE2 (doc)

    static Document extractOle2(byte[] b, String ext) {
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(new ByteArrayInputStream(b));
        } catch (Exception e) {
            throw IngestRefusals.corrupt("doc".equals(ext) || "docx".equals(ext) ? ext : "doc", e);
        }
        try (fs) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                // an OOXML file (docx/xlsx) protected with a password is stored in an OLE2 container
                throw IngestRefusals.encrypted("docx".equals(ext) || ext.isEmpty() ? "docx" : ext);
            }
            if (!root.hasEntry("WordDocument")) {
                if (root.hasEntry("Workbook") || root.hasEntry("Book")) throw IngestRefusals.unsupported("Excel 表格", "Excel workbook");
                if (root.hasEntry("PowerPoint Document")) throw IngestRefusals.unsupported("PowerPoint 演示文稿", "PowerPoint presentation");
                throw IngestRefusals.unsupported("OLE2 复合文档", "OLE2 compound file");
            }
            return doc(root);
        } catch (Refusal | Interrupts.Stopped e) {
            throw e;
        } catch (Exception e) {
            throw IngestRefusals.corrupt("doc", e);
        }
    }

    private static Document doc(DirectoryNode root) throws IOException {
        HWPFDocument doc;
        try {
            doc = new HWPFDocument(root);
        } catch (EncryptedDocumentException e) {
            throw IngestRefusals.encrypted("doc");
        } catch (Exception e) {
            if (causeIs(e, EncryptedDocumentException.class)) throw IngestRefusals.encrypted("doc");
            throw IngestRefusals.corrupt("doc", e);
        }
        try (doc) {
            StringBuilder sb = new StringBuilder();
            Range range = doc.getRange();
            int n = range.numParagraphs();
            List<String> row = new ArrayList<>();
            boolean pendingCellClosed = true;
            for (int i = 0; i < n; i++) {
                if ((i & 63) == 0) Interrupts.check();
                Paragraph p = range.getParagraph(i);
                String text = WordExtractor.stripFields(p.text());
                text = text.replace("\u0007", "").replace('\u000B', '\n').replace('\r', '\n').strip();
                if (p.isInTable()) {
                    if (p.isTableRowEnd()) {
                        String line = String.join("\t", row).strip();
                        if (!line.isEmpty()) sb.append(line).append('\n');
                        row.clear();
                    } else {
                        // the last paragraph of a cell ends with the cell mark \u0007 (stripped above)
                        boolean cellEnd = p.text().endsWith("\u0007");
                        if (row.isEmpty() || pendingCellClosed) row.add(text.replace('\n', ' '));
                        else row.set(row.size() - 1, (row.get(row.size() - 1) + " " + text.replace('\n', ' ')).strip());
                        pendingCellClosed = cellEnd;
                    }
                } else {
                    if (!row.isEmpty()) {
                        sb.append(String.join("\t", row).strip()).append('\n');
                        row.clear();
                    }
                    pendingCellClosed = true;
                    sb.append(text).append('\n');
                }
            }
            if (!row.isEmpty()) sb.append(String.join("\t", row).strip()).append('\n');
            String out = Texts.tidy(sb.toString());
            if (Texts.isBlank(out)) {
                // fall back to the plain extractor (e.g. text only in text boxes)
                try (WordExtractor we = new WordExtractor(doc)) {
                    out = Texts.tidy(we.getText());
                }
            }
            if (Texts.isBlank(out)) throw IngestRefusals.noText("doc");
            return new Document(out, "doc", null);
        } catch (Refusal | Interrupts.Stopped e) {
            throw e;
        } catch (Exception e) {
            throw IngestRefusals.corrupt("doc", e);
        }
    }

}
