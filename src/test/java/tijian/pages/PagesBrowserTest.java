package tijian.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import tijian.db.EmbeddedDatabaseResource;
import tijian.security.Roles;

/**
 * The pages as a person uses them, in a real headless Chromium: self-check by paste, the passage of a failing item,
 * the grade cap, a phone-wide screen, an audit started from the page, a unit's history, the rule console. Every
 * test leaves a screenshot in target/screenshots/ (look at them).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class PagesBrowserTest {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String PASSWORD = "a-long-password";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TestHTTPResource("/")
    URL root;

    static String sample(String name) {
        try (InputStream in = PagesBrowserTest.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String createUser(String role, String unit) {
        String name = role + "-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "password", PASSWORD, "roles", List.of(role)));
        if (unit != null) {
            body.put("unit", unit);
        }
        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json").body(body)
                .post("/api/users").then().statusCode(201);
        return name;
    }

    /** Puts a report's text into the textarea as a paste would (sendKeys of 5,000 characters is slow, not different). */
    static void paste(Browser b, String text) {
        b.js("const t = document.getElementById('input'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));", text);
    }

    @Test
    void selfCheckByPasteShowsTheCapAndThePassageOfAFailingItemInView() {
        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            b.get("/");
            paste(b, sample("guanba-town-2025.txt"));
            b.await("the rule profiles listed", d -> d.findElements(By.cssSelector("#profile option[value=chongqing]")).isEmpty() ? null : true);
            assertEquals("national", b.js("return document.getElementById('profile').value"), "the default profile is chosen");
            b.find("#go").click();
            b.awaitVisible("#result");
            assertTrue(b.path().startsWith("/checks/"), "the address names the stored check: " + b.path());
            assertEquals("86", b.find(".score-ring b").getText()); // 86.0: JavaScript writes no ".0"
            assertTrue(b.find(".summary-text .muted").getText().contains("报告主体：街道办事处/乡镇"), "the reporter kind in the report block");
            assertTrue(b.find("button.item[data-status=FAIL] .basis").getText().startsWith("依据：《"), "the legal basis beside the advice");
            String cap = b.awaitVisible("#grade-cap").getText();
            assertTrue(cap.contains("2 项必查项不通过，等级封顶为合格"), cap);

            WebElement failing = b.await("a failing item with a passage", d -> d.findElements(By.cssSelector("button.item[data-status=FAIL]"))
                    .stream().filter(e -> hasEvidence(b, e.getAttribute("data-id"))).findFirst().orElse(null));
            failing.click();
            WebElement mark = b.awaitVisible("#current-mark");
            assertTrue(mark.getAttribute("class").contains("FAIL"), mark.getAttribute("class"));
            assertTrue(inView(b, "#current-mark"), "the highlighted passage is in view");
            assertTrue(inView(b, "button.item[aria-expanded=true]"), "the clicked item stays in view");
            assertFalse(b.find("#passage blockquote").getText().isBlank(), "the passage is shown beside the item");
            assertEquals("application/pdf", b.js("return fetch(document.getElementById('pdf').href).then(r => r.headers.get('content-type'))"),
                    "the result as a PDF");
            b.screenshot("selfcheck-guanba-item");
            b.print("selfcheck-print");
            assertEquals(List.of(), b.consoleProblems(), "console of selfcheck-guanba-item");

            // the stored check opens at its own address, and the old /#id still leads there
            String id = b.path().substring("/checks/".length());
            b.get("/#" + id);
            b.await("redirected to /checks/id", d -> b.path().equals("/checks/" + id) ? true : null);
            b.awaitVisible("#grade-cap");
        }
    }

    /** This year's passage beside last year's, with a link to last year's check; a target never mentioned has no mark. */
    @Test
    void lastYearsPassageStandsBesideThisYearsWithALinkToItsCheck() throws IOException {
        String inspector = createUser(Roles.INSPECTOR, null);
        String lastId = given().auth().preemptive().basic(inspector, PASSWORD).contentType("text/plain; charset=UTF-8")
                .body(sample("guanba-town-2025.txt")).post("/api/checks").then().statusCode(200).extract().path("id");
        String thisYear;
        try (InputStream in = PagesBrowserTest.class.getResourceAsStream("/pairs/guanba-town-2026.txt")) {
            thisYear = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            b.get("/login");
            b.signIn(inspector, PASSWORD);
            b.get("/");
            paste(b, thisYear);
            b.find("#go").click();
            b.awaitVisible("#result");
            b.awaitVisible("button.item[data-id='continuity.targets-met']");
            // the list is drawn again when the verdicts arrive: click the item as it is then
            b.await("the item opened", d -> {
                b.js("document.querySelector(\"button.item[data-id='continuity.targets-met']\").click()");
                return d.findElements(By.cssSelector("#current-mark")).isEmpty() ? null : true;
            });
            assertEquals("FAIL", b.find("button.item[data-id='continuity.targets-met']").getAttribute("data-status"));
            assertEquals("本报告", b.find("#passage .side.this .side-label").getText());
            assertFalse(b.find("#passage .side.this blockquote").getText().isBlank(), "this report's passage");
            assertTrue(b.find("#passage .side.other .side-label").getText().startsWith("2025年报告"));
            assertFalse(b.find("#passage .side.other blockquote").getText().isBlank(), "last year's passage beside it");
            WebElement link = b.awaitVisible("#passage a.open-other");
            assertTrue(link.getAttribute("href").endsWith("/checks/" + lastId), link.getAttribute("href"));
            // the passages only last year's report has come last; the first of them is one step back from the first
            b.find("#prev").click();
            b.await("a target this report never mentions", d -> b.find("#passage .side.this blockquote").getText()
                    .contains("本报告中没有对应的表述") ? true : null);
            assertTrue(b.find("#passage .side.other blockquote").getText().contains("100%"), "last year's target is shown");
            assertEquals(Boolean.TRUE, b.js("return document.getElementById('current-mark') === null"), "nothing of this report is marked for it");
            b.screenshot("selfcheck-continuity");
            assertEquals(List.of(), b.consoleProblems(), "console of selfcheck-continuity");
        }
    }

    @Test
    void anInspectorDownloadsTheAnnotatedWordFileAndOverrulesAFinding() {
        String inspector = createUser(Roles.INSPECTOR, null);
        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            b.get("/login");
            b.signIn(inspector, PASSWORD);
            b.get("/");
            paste(b, sample("haitangxi-street-2023.txt"));
            b.find("#go").click();
            b.awaitVisible("#result");
            assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    b.js("return fetch(document.getElementById('docx').href).then(r => r.headers.get('content-type'))"),
                    "the Word file with comments");
            WebElement item = b.await("a questionable item with a passage", d -> d.findElements(By.cssSelector("button.item[data-status=WARN], button.item[data-status=FAIL]"))
                    .stream().filter(e -> hasEvidence(b, e.getAttribute("data-id"))).findFirst().orElse(null));
            String id = item.getAttribute("data-id");
            item.click();
            b.awaitVisible("#verdict-wrong").click();
            b.await("a reason is asked for", d -> b.find("#verdict-status").getText().contains("理由") ? true : null);
            b.find("#verdict-reason").sendKeys("第三部分已写明原因，规则没有认出");
            b.find("#verdict-wrong").click();
            WebElement line = b.await("the verdict on the item", d -> d.findElements(By.cssSelector(
                    "button.item[data-id='" + id + "'] .verdict.wrong")).stream().findFirst().orElse(null));
            assertTrue(line.getText().contains("第三部分已写明原因") && line.getText().contains(inspector), line.getText());
            b.screenshot("selfcheck-verdict");
            assertEquals(List.of(), b.consoleProblems(), "console of selfcheck-verdict");

            // the same report checked again: the verdict is still on its finding
            b.get("/");
            paste(b, sample("haitangxi-street-2023.txt"));
            b.find("#go").click();
            b.await("the verdict kept on the new check", d -> d.findElements(By.cssSelector(
                    "button.item[data-id='" + id + "'] .verdict.wrong")).isEmpty() ? null : true);
        }
    }

    private static boolean hasEvidence(Browser b, String itemId) {
        return Boolean.TRUE.equals(b.js("return fetch(location.pathname.replace('/checks/', '/api/checks/')).then(r => r.json())"
                + ".then(c => c.items.some(i => i.id === arguments[0] && i.evidence.length > 0))", itemId));
    }

    /** Whether the element's box is inside the window and, if inside a scrolling box, inside that box. */
    private static boolean inView(Browser b, String css) {
        return Boolean.TRUE.equals(b.js("""
                const e = document.querySelector(arguments[0]); const r = e.getBoundingClientRect();
                if (r.top < 0 || r.bottom > window.innerHeight || r.height === 0) return false;
                const box = e.closest('#text');
                if (!box) return true;
                const k = box.getBoundingClientRect();
                return r.top >= k.top && r.bottom <= k.bottom;""", css));
    }

    @Test
    void onAPhoneThePageHasNoHorizontalScrollAndABadFileLeavesNoStaleResult() throws IOException {
        try (Browser b = Browser.phone(root.toString(), 390, 844)) {
            b.get("/");
            assertEquals(390L, ((Number) b.js("return window.innerWidth")).longValue(), "a 390 px wide window");
            paste(b, sample("shapingba-street-2025.txt"));
            b.find("#go").click();
            b.awaitVisible("#result");
            b.find("button.item").click();
            long scrollWidth = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
            assertTrue(scrollWidth <= 390, "no horizontal scroll at 390 px: the page is " + scrollWidth + " px wide");
            b.screenshot("selfcheck-phone-390");
            assertEquals(List.of(), b.consoleProblems(), "console of selfcheck-phone-390");

            // a chosen file wins over the pasted text: the Word (.docx) version of another report
            Path docx = Files.createTempDirectory("upload").resolve("guanba-town-2025.docx");
            try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                 java.io.OutputStream out = Files.newOutputStream(docx)) {
                for (String line : sample("guanba-town-2025.txt").split("\n")) {
                    doc.createParagraph().createRun().setText(line);
                }
                doc.write(out);
            }
            b.find("#file").sendKeys(docx.toString());
            assertTrue(b.find("#chosen").getText().contains("guanba-town-2025.docx"), b.find("#chosen").getText());
            b.find("#go").click();
            b.await("the .docx checked", d -> b.find(".summary-text").getText().contains("关坝镇") ? true : null);
            b.find("#clear-file").click();

            // a file that is not a report: its error, and no result of the report before
            Path bad = Files.createTempFile("not-a-report", ".docx");
            Files.write(bad, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8});
            b.find("#file").sendKeys(bad.toString());
            assertTrue(b.find("#chosen").isDisplayed());
            b.find("#go").click();
            b.awaitVisible("#error");
            assertFalse(b.find("#result").isDisplayed(), "the old result is gone");
            assertEquals("/", b.path(), "the old check's address is gone");
            b.find("#clear-file").click();
            assertFalse(b.find("#chosen").isDisplayed(), "the chosen file can be cleared");
            b.screenshot("selfcheck-phone-error");
            assertEquals(List.of(), b.consoleProblems(), "console of selfcheck-phone-error");
        }
    }

    @Test
    void anInspectorStartsAnAuditFromThePageAndReadsRankingChartsAndAUnitsHistory() throws IOException {
        String inspector = createUser(Roles.INSPECTOR, null);
        Path zip = Files.createTempFile("district", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("guanba-town-2025.txt", "haitangxi-street-2023.txt", "shapingba-street-2025.txt")) {
                out.putNextEntry(new ZipEntry("报告/" + name));
                out.write(sample(name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            // a page that needs a role sends an anonymous browser to the login page, and back after signing in
            b.get("/audits");
            assertEquals("/login", b.path());
            b.screenshot("login");
            b.signIn(inspector, PASSWORD);
            assertEquals("/audits", b.path(), "back on the page that asked for the login");

            String name = "江津区2024年度-" + RUN;
            b.find("#audit-name").sendKeys(name);
            b.find("#audit-files").sendKeys(zip.toString());
            b.find("#start-button").click();
            b.awaitVisible("#started a").click();
            b.await("the audit finishes", d -> b.find("#audit-meta").getText().contains("已完成") ? true : null);
            assertEquals(name, b.find("#audit-name").getText());
            b.await("three reports ranked", d -> d.findElements(By.cssSelector("#ranking tbody tr[data-unit]")).size() == 3 ? true : null);
            for (String chart : List.of("#chart-histogram", "#chart-failing", "#chart-heatmap")) {
                b.await(chart + " drawn", d -> d.findElements(By.cssSelector(chart + " canvas")).isEmpty() ? null : true);
            }
            // sort by score, ascending then descending; filter by grade
            String auditPage0 = b.path();
            b.find("#ranking th[data-key=score] button").click();
            assertEquals("descending", b.find("#ranking th[data-key=score]").getAttribute("aria-sort"));
            b.fullPage("audit-results");
            assertEquals(List.of(), b.consoleProblems(), "console of audit-results");

            // re-run with the current rules: a new audit, and what changed since the run before
            b.find("#rerun").click();
            b.driver.switchTo().alert().accept();
            b.await("the re-run's page", d -> !b.path().equals(auditPage0) && b.path().startsWith("/audits/") ? true : null);
            b.await("the re-run finishes", d -> b.find("#audit-meta").getText().contains("已完成") ? true : null);
            b.await("what changed", d -> b.find("#changes").getText().contains("上一次审核") ? true : null);
            b.fullPage("audit-rerun");
            assertEquals(List.of(), b.consoleProblems(), "console of audit-rerun");

            // the dashboard on a phone: tables scroll in their box, the page itself does not
            String auditPage = b.path();
            b.emulate(390, 844);
            b.get(auditPage);
            b.await("charts drawn on a phone", d -> d.findElements(By.cssSelector("#chart-heatmap canvas")).isEmpty() ? null : true);
            long wide = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
            assertTrue(wide <= 390, "no horizontal scroll on a phone: " + wide);
            b.screenshot("audit-phone");
            b.stopEmulating();

            b.get("/audits");
            b.await("the audit is listed as finished", d -> d.findElements(By.cssSelector("#audits tbody tr[data-status=finished] a")).stream()
                    .anyMatch(a -> a.getText().equals(name)) ? true : null);
            b.fullPage("audits-list");
            assertEquals(List.of(), b.consoleProblems(), "console of audits-list");

            b.get("/units/" + java.net.URLEncoder.encode("关坝镇", StandardCharsets.UTF_8));
            b.await("the unit's score line", d -> d.findElements(By.cssSelector("#chart-trend canvas")).isEmpty() ? null : true);
            b.await("its years", d -> d.findElements(By.cssSelector("#years tbody tr")).isEmpty() ? null : true);
            assertTrue(b.find("#item-years tbody").getText().contains("不通过"));
            b.fullPage("unit-history");
            assertEquals(List.of(), b.consoleProblems(), "console of unit-history");
        }
    }

    @Test
    void aRuleAuthorValidatesABrokenFileAndSeesItsLine() throws IOException {
        String author = createUser(Roles.RULE_AUTHOR, null);
        Path broken = Files.createTempDirectory("rules").resolve("broken.drl");
        Files.writeString(broken, "package rules\n\nrule \"broken\"\nwhen\n    Report( )\nthen\n    nothing(;\nend\n");
        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            b.get("/rules");
            assertEquals("/login", b.path());
            b.signIn(author, PASSWORD);
            assertEquals("/rules", b.path());
            b.await("the items", d -> d.findElements(By.cssSelector(".rule-item")).size() > 5 ? true : null);
            b.find("#rule-files").sendKeys(broken.toString());
            b.find("#validate-button").click();
            WebElement result = b.awaitVisible("#validation-result");
            assertTrue(result.getText().contains("校验未通过"), result.getText());
            String where = b.awaitVisible("#validation .problem .where").getText();
            assertTrue(where.matches("broken\\.drl:\\d+.*"), where);
            b.fullPage("rules-validate-broken");
            assertEquals(List.of(), b.consoleProblems(), "console of rules-validate-broken");
        }
    }

    @Test
    void aUnitUserMeetsAFriendlyRefusalNotJson() {
        String unit = createUser(Roles.UNIT, "重庆市綦江区关坝镇人民政府");
        try (Browser b = Browser.open(root.toString(), 1366, 900)) {
            b.get("/login");
            b.signIn(unit, PASSWORD);
            assertTrue(b.driver.findElements(By.cssSelector("header nav a[href='/audits']")).isEmpty(), "no 批量审核 for a unit");
            b.get("/audits");
            assertTrue(b.find("h1").getText().contains("无权访问"), b.find("body").getText());
            b.screenshot("forbidden-unit");
            assertEquals(List.of(), b.consoleProblems(), "console of forbidden-unit");
        }
    }
}
