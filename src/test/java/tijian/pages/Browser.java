package tijian.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the page tests: the system's chromium and chromedriver (Debian packages), named
 * explicitly so that Selenium Manager never downloads anything; a fresh profile per browser. Screenshots go to
 * target/screenshots/.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("tijian.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("tijian.chromedriver", "/usr/bin/chromedriver");
    /** Outcomes are waited for, never timed: a loaded machine is slow, not wrong. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final ChromeDriver driver;
    final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /**
     * A phone: Chromium's windows are at least 500 px wide, so the page is laid out at the phone's size by device
     * emulation (as DevTools' device mode does).
     */
    static Browser phone(String base, int width, int height) {
        Browser b = open(base, 800, height + 100);
        b.emulate(width, height);
        return b;
    }

    private int phoneWidth;

    void emulate(int width, int height) {
        phoneWidth = width;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                "deviceScaleFactor", 2, "mobile", true));
    }

    void stopEmulating() {
        phoneWidth = 0;
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    static Browser open(String base, int width, int height) {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does)");
        try {
            Path profile = Files.createTempDirectory("tijian-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--hide-scrollbars", "--lang=zh-CN", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
            return new Browser(driver, base.endsWith("/") ? base.substring(0, base.length() - 1) : base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(String path) {
        driver.get(base + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getRawPath();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(what).pollingEvery(Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement awaitVisible(String css) {
        return await(css + " visible", d -> {
            WebElement e = d.findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Signs in through the login form; the form sends the browser back to the page that asked for it. */
    void signIn(String user, String password) {
        if (!path().equals("/login")) {
            get("/login");
        }
        find("#j_username").sendKeys(user);
        find("#j_password").sendKeys(password);
        find("form.login button[type=submit]").click();
        await("signed in as " + user, d -> d.findElements(By.id("signed-in")).isEmpty() ? null : true);
    }

    /** What the browser's console said about the Content-Security-Policy, and script errors (none expected). */
    java.util.List<String> consoleProblems() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** The page as the browser prints it (the print stylesheet), under target/screenshots/{name}.pdf. */
    Path print(String name) {
        try {
            org.openqa.selenium.Pdf pdf = driver.print(new org.openqa.selenium.print.PrintOptions());
            Path target = Path.of("target", "screenshots", name + ".pdf");
            Files.createDirectories(target.getParent());
            Files.write(target, java.util.Base64.getDecoder().decode(pdf.getContent()));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the window shows now, under target/screenshots/{name}.png. */
    Path screenshot(String name) {
        return save(name);
    }

    /** The whole page, as tall as it is (up to 6000 px), under target/screenshots/{name}.png. */
    Path fullPage(String name) {
        Dimension before = driver.manage().window().getSize();
        long innerHeight = ((Number) js("return window.innerHeight")).longValue();
        try {
            if (phoneWidth > 0) {
                long height = ((Number) js("return Math.min(6000, document.documentElement.scrollHeight)")).longValue();
                emulate(phoneWidth, (int) height);
                Thread.sleep(300);
                return save(name);
            }
            long height = ((Number) js("return Math.min(6000, Math.max(document.documentElement.scrollHeight, window.innerHeight))")).longValue();
            long chrome = before.getHeight() - ((Number) js("return window.innerHeight")).longValue();
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) (height + chrome)));
            Thread.sleep(300);
            return save(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (phoneWidth > 0) {
                emulate(phoneWidth, (int) innerHeight);
            } else {
                driver.manage().window().setSize(before);
            }
        }
    }

    private Path save(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
