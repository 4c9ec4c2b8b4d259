package org.opengallery.marketplace.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.NewProduct;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.order.Order;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer in a real browser (Debian's headless Chromium through Selenium): signs in, searches, opens the product,
 * buys monthly, pays, sees the order and (once the seller, simulated by delivery events, has answered) its
 * instance on a phone-width screen, and reveals the password. No page may log a JavaScript error. Skipped, saying
 * why, where {@code /usr/bin/chromedriver} is absent (CI installs it: {@code .ci/run}). On failure every step's
 * screenshot and the failing page go to {@code target/screenshots/} ({@code -Dopengallery.screenshots.always=true}
 * writes the steps' screenshots after a pass too).
 */
class BrowserBuyTest extends PagesTestBase {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private WebDriver browser;
    private final List<Shot> shots = new ArrayList<>();
    private final List<String> jsErrors = new ArrayList<>();

    private record Shot(String name, byte[] png) {}

    @BeforeEach
    void browser() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM)),
                "browser test skipped: " + CHROMEDRIVER + " or " + CHROMIUM
                        + " is missing (apt-get install -y chromium chromium-driver, as .ci/run does)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBuyerBuysMonthlyPaysAndSeesTheServiceWithItsPassword(TestInfo info) throws Exception {
        long buyer = buyer("100");
        String login = login(Role.BUYER, buyer);
        String name = "Roadmap " + unique("");
        Product product = catalog.createProduct(new NewProduct(seller(), name, "Plan releases with your whole team.",
                AccessType.SAAS, false, PRODUCTION_URL, InterfaceVersion.V2, null));
        String sku = unique("sku");
        catalog.addSku(product.id(), periodSku(sku, "12.50", "120.00"));
        catalog.list(product.id());
        String base = "http://127.0.0.1:" + port;
        try {
            step("sign-in page", () -> {
                browser.get(base + "/login?lang=en");
                browser.findElement(By.id("username")).sendKeys(login);
                browser.findElement(By.id("password")).sendKeys(PASSWORD);
            });
            step("signed in", () -> {
                browser.findElement(By.id("sign-in")).click();
                waitFor(ExpectedConditions.urlContains("/buyer/services"));
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Purchased services");
            });
            step("search", () -> {
                WebElement q = browser.findElement(By.name("q"));
                q.sendKeys(name.toLowerCase());
                q.submit();
                waitFor(ExpectedConditions.urlContains("/search"));
                assertThat(browser.findElements(By.cssSelector(".product-card"))).hasSize(1);
            });
            step("product", () -> {
                browser.findElement(By.linkText(name)).click();
                waitFor(ExpectedConditions.textToBe(By.id("product-name"), name));
                assertThat(browser.getPageSource()).contains("¥12.50").contains("¥120.00");
            });
            step("buy monthly", () -> {
                browser.findElement(By.id("purchase-month")).click();
                WebElement count = browser.findElement(By.id("period-number"));
                count.clear();
                count.sendKeys("2");
                browser.findElement(By.id("agree-user")).click();
                browser.findElement(By.id("agree-service")).click();
                browser.findElement(By.id("place-order")).click();
                waitFor(ExpectedConditions.urlMatches("/buyer/orders/[^/]+$"));
                assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("Pending payment");
                assertThat(browser.findElement(By.id("order-amount")).getText()).isEqualTo("¥25.00");
            });
            step("paid", () -> {
                browser.findElement(By.id("pay")).click();
                waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Processing"));
            });
            // the seller answers: the engine is a recording fake here, so its outcome is published as the engine would
            Order paid = orders.ordersOf(buyer).get(0);
            provision(paid);
            step("my orders", () -> {
                browser.findElement(By.linkText("My orders")).click();
                waitFor(ExpectedConditions.urlContains("/buyer/orders"));
                WebElement row = browser.findElement(By.cssSelector("tr[data-order='" + paid.orderId() + "']"));
                assertThat(row.getText()).contains("Completed").contains("¥25.00");
            });
            step("orders filtered in place (htmx)", () -> {
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status"))).selectByValue("CANCELLED");
                waitFor(ExpectedConditions.urlContains("status=CANCELLED"));
                waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-order='" + paid.orderId() + "']")));
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status"))).selectByValue("COMPLETED");
                waitFor(ExpectedConditions.urlContains("status=COMPLETED"));
                WebElement row = browser.findElement(By.cssSelector("tr[data-order='" + paid.orderId() + "']"));
                row.findElement(By.linkText(paid.orderId())).click();
                waitFor(ExpectedConditions.textToBe(By.id("order-id"), paid.orderId()));
            });
            step("service at 375 px", () -> {
                browser.manage().window().setSize(new Dimension(375, 812));
                browser.findElement(By.id("order-service")).click();
                waitFor(ExpectedConditions.urlContains("/buyer/services/"));
                assertThat(browser.findElement(By.id("service-status")).getText()).isEqualTo("Running");
                assertThat(browser.findElement(By.id("app-password")).isDisplayed()).isFalse();
                assertThat(browser.getPageSource()).contains("admin");
                assertThat(fitsTheWindow()).as("the page fits 375 px without horizontal scrolling").isTrue();
            });
            step("password revealed", () -> {
                browser.findElement(By.id("reveal-password")).click();
                waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("app-password")));
                assertThat(browser.findElement(By.id("app-password")).getText()).isEqualTo("s3cret!");
                assertThat(browser.findElement(By.id("reveal-password")).getText()).isEqualTo("Hide");
            });
            for (String page : List.of("/", "/search?q=roadmap", "/products/" + product.id(), "/buyer/orders",
                    "/buyer/services", "/buyer/orders/" + paid.orderId())) {
                step("375 px " + page.replaceAll("[^a-z0-9]+", "-"), () -> {
                    browser.get(base + page);
                    assertThat(fitsTheWindow()).as(page + " fits 375 px without horizontal scrolling").isTrue();
                });
            }
            assertThat(jsErrors).as("JavaScript errors in the browser console").isEmpty();
            if (Boolean.getBoolean("opengallery.screenshots.always")) {
                screenshots(info, null);
            }
        } catch (Throwable failure) {
            screenshots(info, failure);
            throw failure;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        step.run();
        collectConsoleErrors(name);
        shots.add(new Shot(name, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
    }

    private void collectConsoleErrors(String step) {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                jsErrors.add(step + ": " + entry.getMessage());
            }
        }
    }

    private boolean fitsTheWindow() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    /** Every step so far and the page as it failed, under target/screenshots/TEST/. */
    private void screenshots(TestInfo info, Throwable failure) {
        try {
            Path dir = Path.of("target", "screenshots", getClass().getSimpleName() + "-"
                    + info.getTestMethod().map(m -> m.getName()).orElse("test"));
            Files.createDirectories(dir);
            int n = 1;
            for (Shot shot : shots) {
                Files.write(dir.resolve(String.format("%02d-%s.png", n++, shot.name().replace(' ', '-'))), shot.png());
            }
            if (failure == null) {
                return;
            }
            Files.write(dir.resolve(String.format("%02d-FAILED.png", n)),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve("FAILED.html"), browser.getPageSource());
            Files.writeString(dir.resolve("FAILED.txt"), browser.getCurrentUrl() + "\n" + failure);
            System.err.println("BrowserBuyTest failed; screenshots in " + dir.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
