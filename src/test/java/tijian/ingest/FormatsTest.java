package tijian.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tijian.testsupport.SampleReports;

/** Every accepted format, built from the sample reports. */
class FormatsTest {

    static final String[] REPORTS = {"shapingba-street-2025.txt", "guanba-town-2025.txt", "haitangxi-street-2023.txt"};
    static final Charset GB18030 = Charset.forName("GB18030");

    final DocumentReader reader = new DocumentReader(20L * 1024 * 1024, Duration.ofSeconds(30));

    // ------------------------------------------------------------------ txt

    @ParameterizedTest
    @ValueSource(strings = {"shapingba-street-2025.txt", "guanba-town-2025.txt", "haitangxi-street-2023.txt"})
    void utf8TextIsKeptExactly(String name) {
        String report = SampleReports.text(name);
        Document d = reader.read(report.getBytes(StandardCharsets.UTF_8), name, "text/plain");
        assertEquals("txt", d.format());
        assertEquals("UTF-8", d.charset());
        assertEquals(report.replace("\r\n", "\n"), d.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"shapingba-street-2025.txt", "guanba-town-2025.txt", "haitangxi-street-2023.txt"})
    void gb18030BytesAreDetected(String name) {
        String report = SampleReports.text(name);
        Document d = reader.read(report.getBytes(GB18030), null, null);
        assertEquals("txt", d.format());
        assertEquals("GB18030", d.charset());
        assertEquals(report, d.text());
    }

    @Test
    void gbkBytesWithDeclaredCharset() {
        String report = SampleReports.text("guanba-town-2025.txt");
        Document d = reader.read(report.getBytes(Charset.forName("GBK")), "report.txt", "text/plain; charset=GBK");
        assertEquals("GB18030", d.charset());
        assertEquals(report, d.text());
    }

    @Test
    void wrongDeclaredUtf8FallsBackToDetection() {
        String report = SampleReports.text("haitangxi-street-2023.txt");
        Document d = reader.read(report.getBytes(GB18030), "report.txt", "text/plain;charset=UTF-8");
        assertEquals(report, d.text());
    }

    @Test
    void utf8BomAndCrlfAreNormalised() {
        String report = SampleReports.text("shapingba-street-2025.txt");
        byte[] body = report.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] b = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
        Document d = reader.read(b, "r.txt", null);
        assertEquals(report, d.text());
        assertFalse(d.text().contains("\r"));
        assertFalse(d.text().startsWith("\uFEFF"));
    }

    @Test
    void utf16WithBom() {
        String report = SampleReports.text("guanba-town-2025.txt");
        Document le = reader.read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, report.getBytes(StandardCharsets.UTF_16LE)), null, null);
        Document be = reader.read(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, report.getBytes(StandardCharsets.UTF_16BE)), null, null);
        assertEquals(report, le.text());
        assertEquals("UTF-16LE", le.charset());
        assertEquals(report, be.text());
        assertEquals("UTF-16BE", be.charset());
    }

    @Test
    void controlCharactersAreRemovedButFullWidthPunctuationKept() {
        String s = "一、总体情况\r\n\u0000全年（共）办理“行政复议”案件3件；\u0007\rA\tB\u000B\u001F完";
        Document d = reader.read(s.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("一、总体情况\n全年（共）办理“行政复议”案件3件；\nA\tB完", d.text());
    }

    // ------------------------------------------------------------------ docx

    @ParameterizedTest
    @ValueSource(strings = {"shapingba-street-2025.txt", "guanba-town-2025.txt", "haitangxi-street-2023.txt"})
    void docxWithAutomaticNumberingGivesTheSameLines(String name) {
        String report = SampleReports.text(name);
        Fixtures.Docx docx = Fixtures.docx(report);
        assertTrue(docx.numbered() >= 8, "fixture should use automatic numbering, got " + docx.numbered());
        Document d = reader.read(docx.bytes(), null, null);
        assertEquals("docx", d.format());
        assertNull(d.charset());
        assertEquals(Fixtures.lines(report), Fixtures.lines(d.text()));
    }

    @Test
    void docxNumberedHeadingsAreRendered() throws IOException {
        String report = SampleReports.text("shapingba-street-2025.txt");
        Fixtures.Docx docx = Fixtures.docx(report);
        // the markers really are gone from the document's own text
        try (XWPFDocument doc = new XWPFDocument(new java.io.ByteArrayInputStream(docx.bytes()))) {
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("2025年推进法治政府建设的主要举措和成效")));
        }
        String text = reader.read(docx.bytes(), "x.docx", null).text();
        List<String> lines = Fixtures.lines(text);
        assertTrue(lines.contains("一、2025年推进法治政府建设的主要举措和成效"));
        assertTrue(lines.contains("二、2025年党政主要负责人履行推进法治政府建设第一责任人职责情况"));
        assertTrue(lines.contains("三、2025年推进法治政府建设存在的不足和原因"));
        assertTrue(lines.contains("(五)加强权力制约监督,规范权力运行"));
        assertTrue(lines.contains("(二)原因分析"), "level 2 restarts after each level-1 heading");
    }

    @Test
    void docxTablesOneLinePerRow() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("矛盾纠纷调解统计表");
            XWPFTable t = doc.createTable(3, 2);
            String[][] cells = {{"类型", "件数"}, {"邻里纠纷", "114"}, {"物业纠纷", "52"}};
            for (int r = 0; r < 3; r++) for (int c = 0; c < 2; c++) t.getRow(r).getCell(c).setText(cells[r][c]);
            doc.createParagraph().createRun().setText("以上。");
            doc.write(out);
            Document d = reader.read(out.toByteArray(), null, null);
            assertEquals("矛盾纠纷调解统计表\n类型\t件数\n邻里纠纷\t114\n物业纠纷\t52\n以上。", d.text());
        }
    }

    // ------------------------------------------------------------------ html / mhtml

    static String article(String report) {
        List<String> lines = Fixtures.lines(report);
        int start = -1, end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0 && lines.get(i).startsWith("发布日期:")) start = i + 1;
            if (lines.get(i).startsWith("Copyright")) {
                end = i;
                break;
            }
        }
        return String.join("\n", lines.subList(start, end));
    }

    static final String TITLE = "沙坪坝街道党工委、沙坪坝街道办事处关于2025年法治政府建设情况的报告";

    /** A saved government page: nav, breadcrumb, metadata table, script, share bar, footer. */
    static String govPage(String charset, String article) {
        StringBuilder p = new StringBuilder();
        p.append("<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(charset).append("\">\n<title>").append(TITLE).append("_重庆市沙坪坝区人民政府</title>\n")
                .append("<style>.nav{color:red} body{font-family:宋体}</style>\n")
                .append("<script>var siteName='重庆市沙坪坝区人民政府网站导航'; document.write('脚本里的文字');</script>\n")
                .append("</head>\n<body>\n<div class=\"top-bar\"><a href=\"#\">无障碍</a> <a href=\"#\">关怀版</a> <a>繁体版</a></div>\n")
                .append("<div class=\"header\"><h1 class=\"logo\">重庆市沙坪坝区人民政府</h1></div>\n")
                .append("<div class=\"nav\"><ul><li><a href=\"/\">网站首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li>")
                .append("<li><a>互动交流</a></li></ul></div>\n")
                .append("<div class=\"main\">\n<div class=\"position\">当前位置：<a>首页</a> &gt; <a>政府信息公开</a> &gt; <a>法治政府建设年度报告</a></div>\n")
                .append("<table class=\"xxgk-table\"><tr><td>索引号：</td><td>11500106009291211J/2026-00008</td><td>信息分类名称：</td><td>其他/其他</td></tr>")
                .append("<tr><td>发布机构：</td><td>沙坪坝区沙坪坝街道</td><td>发布日期：</td><td>2026-01-28</td></tr></table>\n")
                .append("<div class=\"article\">\n<h1 class=\"article-title\">").append(TITLE).append("</h1>\n")
                .append("<div class=\"share\">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a> 【字体：大 中 小】</div>\n")
                .append("<div class=\"TRS_Editor\" id=\"zoom\">\n");
        for (String line : article.split("\n")) {
            if (line.matches("^[一二三四五六七八九十]+、.*")) p.append("<p style=\"text-indent:2em\"><strong>").append(esc(line)).append("</strong></p>\n");
            else p.append("<p style=\"text-indent: 2em;\">&nbsp;&nbsp;").append(esc(line)).append("</p>\n");
        }
        p.append("<p>矛盾纠纷分类统计表</p>\n<table border=\"1\"><tbody><tr><td><p>类型</p></td><td>件数</td></tr>")
                .append("<tr><td>邻里纠纷</td><td>114</td></tr><tr><td>损害赔偿纠纷</td><td>96</td></tr></tbody></table>\n")
                .append("<p>沙坪坝街道办事处<br>2026年1月20日</p>\n")
                .append("</div>\n</div>\n")
                .append("<div class=\"related\"><h3>相关信息</h3><ul><li><a>关于2024年法治政府建设情况的报告</a></li></ul></div>\n")
                .append("</div>\n<div class=\"footer\"><p>主办单位：重庆市沙坪坝区人民政府办公室 版权所有</p>")
                .append("<p>ICP备案：渝ICP备19004061号-1 网站标识码5001060001</p></div>\n")
                .append("<script type=\"text/javascript\">var _hmt = _hmt || []; /* 统计代码 */</script>\n</body>\n</html>\n");
        return p.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    void assertArticle(String text, String article) {
        List<String> lines = Fixtures.lines(text);
        assertEquals(TITLE, lines.get(0), "title first");
        assertTrue(lines.get(1).contains("发布日期") && lines.get(1).contains("2026-01-28"), "date line kept: " + lines.get(1));
        List<String> expected = Fixtures.lines(article);
        int from = lines.indexOf(expected.get(0));
        assertTrue(from > 0, "article start found");
        assertEquals(expected, lines.subList(from, from + expected.size()));
        assertTrue(lines.contains("类型\t件数"));
        assertTrue(lines.contains("邻里纠纷\t114"));
        assertTrue(lines.contains("2026年1月20日"));
        for (String chrome : new String[] {"网站首页", "当前位置", "版权所有", "分享到", "脚本里的文字", "网站导航", "无障碍",
            "相关信息", "ICP备案", "text-indent", "重庆市沙坪坝区人民政府\n", "统计代码"}) {
            assertFalse(text.contains(chrome), "chrome left in: " + chrome);
        }
    }

    @Test
    void gbkSavedGovernmentPage() {
        String article = article(SampleReports.text("shapingba-street-2025.txt"));
        byte[] b = govPage("gbk", article).getBytes(Charset.forName("GBK"));
        Document d = reader.read(b, "t20260128_123456.html", "text/html");
        assertEquals("html", d.format());
        assertEquals("GB18030", d.charset());
        assertArticle(d.text(), article);
    }

    @Test
    void htmlIsSniffedWithoutNameOrType() {
        String article = article(SampleReports.text("shapingba-street-2025.txt"));
        Document d = reader.read(govPage("utf-8", article).getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("html", d.format());
        assertArticle(d.text(), article);
    }

    @Test
    void mhtmlQuotedPrintableAndBase64() {
        String article = article(SampleReports.text("shapingba-street-2025.txt"));
        String html = govPage("utf-8", article);
        for (String enc : new String[] {"quoted-printable", "base64"}) {
            String body = enc.equals("base64")
                    ? Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8))
                    : quotedPrintable(html.getBytes(StandardCharsets.UTF_8));
            String mht = "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.cqspb.gov.cn/x.html\r\n"
                    + "Subject: =?utf-8?Q?report?=\r\nDate: Wed, 28 Jan 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc123----\"\r\n\r\n\r\n"
                    + "------MultipartBoundary--abc123----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
                    + "Content-Transfer-Encoding: " + enc + "\r\nContent-Location: http://www.cqspb.gov.cn/x.html\r\n\r\n"
                    + body + "\r\n------MultipartBoundary--abc123----\r\nContent-Type: text/css\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\nbody { color: red; }\r\n"
                    + "------MultipartBoundary--abc123------\r\n";
            Document d = reader.read(mht.getBytes(StandardCharsets.US_ASCII), "page.mhtml", null);
            assertEquals("mhtml", d.format(), enc);
            assertArticle(d.text(), article);
        }
    }

    @Test
    void oldTableLayoutPageWithoutKnownContainer() {
        String article = article(SampleReports.text("shapingba-street-2025.txt"));
        StringBuilder p = new StringBuilder("<html><head><meta charset=\"gb2312\"><title>" + TITLE + "_重庆市沙坪坝区人民政府</title></head><body>"
                + "<table width=\"980\"><tr><td colspan=\"2\"><img src=\"logo.gif\" alt=\"logo\"></td></tr>"
                + "<tr><td width=\"200\" valign=\"top\"><a href=\"/\">首页</a><br><a>机构概况</a><br><a>政务公开</a><br>"
                + "<a>办事服务</a><br>栏目导航说明文字</td><td valign=\"top\">"
                + "<div align=\"center\"><font size=\"5\"><b>" + TITLE + "</b></font></div>"
                + "<div align=\"center\">来源：沙坪坝街道　发布时间：2026年1月28日　浏览次数：123</div><div>");
        for (String line : article.split("\n")) p.append("<p>").append(esc(line)).append("</p>");
        p.append("</div></td></tr></table><center>Copyright 2026 版权所有</center></body></html>");
        Document d = reader.read(p.toString().getBytes(Charset.forName("GBK")), null, null);
        List<String> lines = Fixtures.lines(d.text());
        assertTrue(lines.contains(TITLE), d.text());
        assertTrue(lines.stream().anyMatch(l -> l.contains("发布时间：2026年1月28日")));
        List<String> expected = Fixtures.lines(article);
        int from = lines.indexOf(expected.get(0));
        assertTrue(from >= 0);
        assertEquals(expected, lines.subList(from, from + expected.size()));
        assertFalse(d.text().contains("机构概况"), d.text());
    }

    static String quotedPrintable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (byte x : b) {
            int c = x & 0xFF;
            String piece;
            if (c == '\n') {
                sb.append("\r\n");
                col = 0;
                continue;
            }
            piece = (c >= 33 && c <= 126 && c != '=') || c == ' ' ? String.valueOf((char) c) : String.format("=%02X", c);
            if (col + piece.length() > 75) {
                sb.append("=\r\n");
                col = 0;
            }
            sb.append(piece);
            col += piece.length();
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
