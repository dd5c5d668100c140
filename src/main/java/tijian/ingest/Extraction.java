package tijian.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Detects the type of an upload from its content and hands it to the matching extractor. Runs on a worker. */
final class Extraction {

    private Extraction() {}

    static Document extract(byte[] b, String fileName, String contentType) throws Exception {
        String ext = Sniffer.extension(fileName);
        if (Sniffer.isPdf(b)) {
            return PdfExtractor.extract(b);
        }
        if (Sniffer.isZip(b)) {
            return OfficeExtractor.extractZip(b, ext);
        }
        if (Sniffer.isOle2(b)) {
            return OfficeExtractor.extractOle2(b, ext);
        }
        String[] known = Sniffer.knownBinary(b);
        if (known != null) {
            throw IngestRefusals.unsupported(known[0], known[1]);
        }
        Charset declared = Texts.charsetParam(contentType);
        Charset bom = Texts.bomCharset(b);
        Charset utf16 = bom == null && declared == null ? Texts.bomlessUtf16(b) : null;
        Charset headCs = bom != null ? bom : declared != null ? declared : utf16;
        boolean wide = headCs != null && (headCs.name().startsWith("UTF-16") || headCs.name().startsWith("UTF-32"));
        if (!wide && Texts.looksBinary(b)) {
            throw IngestRefusals.unsupported("二进制文件", "binary file");
        }
        String head = Sniffer.head(b, headCs);
        if (Sniffer.isMhtml(head, ext)) {
            return MhtmlExtractor.extract(b);
        }
        if (Sniffer.isHtml(head, ext, contentType)) {
            return HtmlExtractor.extract(b, declared);
        }
        return plainText(b, declared);
    }

    static Document plainText(byte[] b, Charset declared) {
        if (declared != null && Texts.bomCharset(b) == null
                && Texts.decodeStrict(b, 0, declared) == null && declared != StandardCharsets.ISO_8859_1) {
            declared = null; // the declared charset is wrong (e.g. browser says UTF-8 for a GBK file): detect instead
        }
        Texts.Decoded d = Texts.decode(b, declared, null);
        if (Texts.replacementShare(d.text()) > 0.05) {
            throw IngestRefusals.unsupported("无法识别的二进制或编码", "binary data or unknown encoding");
        }
        String text = Texts.normalise(d.text());
        if (Texts.isBlank(text)) {
            throw IngestRefusals.empty();
        }
        return new Document(text, "txt", d.charset().name(), d.replaced());
    }
}
