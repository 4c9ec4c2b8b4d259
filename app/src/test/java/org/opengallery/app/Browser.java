package org.opengallery.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Selenium, for journeys: named steps, each screenshotted; JavaScript errors
 * collected per step; on failure every step's screenshot, the failing page and its HTML under
 * {@code target/screenshots/NAME/}. Skips the test, saying why, where chromium or chromedriver is missing.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    private final String name;
    private final List<Shot> shots = new ArrayList<>();
    private final List<String> jsErrors = new ArrayList<>();

    private record Shot(String name, byte[] png) {}

    interface Step {
        void run() throws Exception;
    }

    Browser(String name) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM)),
                "browser test skipped: " + CHROMEDRIVER + " or " + CHROMIUM
                        + " is missing (apt-get install -y chromium chromium-driver, as .ci/run does)");
        this.name = name;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    /** Runs one step of the journey, then records its screenshot and any JavaScript error it caused. */
    void step(String step, Step body) throws Exception {
        body.run();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                jsErrors.add(step + ": " + entry.getMessage());
            }
        }
        shots.add(new Shot(step, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));
    }

    List<String> jsErrors() {
        return jsErrors;
    }

    /**
     * Runs a whole journey: its steps, then the check that no page logged a JavaScript error. On a failure every
     * step's screenshot and the failing page go under target/screenshots/NAME/ (on success too with
     * {@code -Dopengallery.screenshots.always=true}).
     */
    void journey(Step steps) throws Exception {
        try {
            steps.run();
            if (!jsErrors.isEmpty()) {
                throw new AssertionError("JavaScript errors in the browser console: " + jsErrors);
            }
            if (Boolean.getBoolean("opengallery.screenshots.always")) {
                screenshots(null);
            }
        } catch (Throwable failure) {
            screenshots(failure);
            throw failure;
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        find(id).click();
    }

    void select(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
    }

    /**
     * Clicks what leaves the page (a submit button, a link) and waits until the next page has replaced it, so the
     * next step neither reads the old page nor cuts the request short by navigating away.
     */
    void go(By target) {
        WebElement element = driver.findElement(target);
        element.click();
        waitFor(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or (Chromium, mid-navigation) "Node with given id does not belong to the document".
                return true;
            }
        });
    }

    void go(String id) {
        go(By.id(id));
    }

    void goCss(String css) {
        go(By.cssSelector(css));
    }

    void selectText(String name, String visibleText) {
        new Select(driver.findElement(By.name(name))).selectByVisibleText(visibleText);
    }

    /** Clicks the element the CSS selector finds (for forms without ids, e.g. one per table row). */
    void clickCss(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    /** Chooses a local file in the file input the CSS selector finds. */
    void attach(String css, Path file) {
        driver.findElement(By.cssSelector(css)).sendKeys(file.toAbsolutePath().toString());
    }

    /** Types into the field with this name (forms whose fields have names but no ids). */
    void fill(String name, String text) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    String text(String id) {
        return find(id).getText();
    }

    String page() {
        return driver.getPageSource();
    }

    void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /** Reloads the page until {@code id}'s text is {@code expected} (a state the server moves on its own). */
    void reloadUntilText(String id, String expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            List<WebElement> found = driver.findElements(By.id(id));
            last = found.isEmpty() ? null : found.get(0).getText();
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(300);
            driver.navigate().refresh();
        }
        throw new AssertionError("#" + id + " never read '" + expected + "' on " + driver.getCurrentUrl()
                + " within " + within + "; last '" + last + "'");
    }

    boolean fitsTheWindow() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    }

    /** The elements reaching past the window's right edge (tag#id.class), the innermost first: what to fix. */
    @SuppressWarnings("unchecked")
    List<String> overflowing() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const w = window.innerWidth + 1, out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > w && r.width > 0 && ![...e.children].some(c => c.getBoundingClientRect().right > w)) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                        + ' (' + Math.round(r.right) + ' px)');
                  }
                }
                return out.slice(0, 5);""");
    }

    /** Every step so far (and, after a failure, the page as it failed) under target/screenshots/NAME/. */
    void screenshots(Throwable failure) {
        try {
            Path dir = Path.of("target", "screenshots", name);
            Files.createDirectories(dir);
            int n = 1;
            for (Shot shot : shots) {
                Files.write(dir.resolve(String.format("%02d-%s.png", n++, shot.name().replaceAll("[^A-Za-z0-9]+", "-"))),
                        shot.png());
            }
            if (failure == null) {
                return;
            }
            Files.write(dir.resolve(String.format("%02d-FAILED.png", n)),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve("FAILED.html"), driver.getPageSource());
            Files.writeString(dir.resolve("FAILED.txt"), driver.getCurrentUrl() + "\n" + failure);
            System.err.println(name + " failed; screenshots in " + dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
