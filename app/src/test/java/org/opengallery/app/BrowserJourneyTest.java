package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import picocli.CommandLine;

/**
 * The journeys in a real browser against {@code ./opengallery demo} as a user starts it: the marketplace with
 * real delivery to the reference seller (team notes). Every step is screenshotted; on failure they all go to
 * {@code target/screenshots/}. No page may log a JavaScript error.
 */
class BrowserJourneyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir Path data;
    DemoCommand demo;
    JsonNode logins;
    String base;

    @BeforeEach
    void startDemo() throws Exception {
        demo = new DemoCommand();
        new CommandLine(demo).setOut(new PrintWriter(new StringWriter(), true))
                .parseArgs("--port", "0", "--data", data.toString());
        demo.start();
        logins = JSON.readTree(Files.readString(data.resolve("demo.json")));
        base = logins.path("marketplaceUrl").asText();
    }

    @AfterEach
    void stopDemo() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    void aBuyerFindsBuysUsesRenewsUpgradesAndUnsubscribes() throws Exception {
        try (Browser b = new Browser("BrowserJourneyTest-buyer")) {
            try {
                signIn(b, logins.path("buyer"));
                b.step("search", () -> {
                    b.waitFor(ExpectedConditions.urlContains("/buyer/services"));
                    b.driver.findElement(By.name("q")).sendKeys("team notes");
                    b.driver.findElement(By.name("q")).submit();
                    b.waitFor(ExpectedConditions.urlContains("/search"));
                });
                b.step("product", () -> {
                    b.driver.findElement(By.linkText("Team Notes")).click();
                    b.waitFor(ExpectedConditions.textToBe(By.id("product-name"), "Team Notes"));
                });
                b.step("buy basic monthly", () -> {
                    b.select("skuCode", "notes-basic");
                    b.click("purchase-month");
                    b.type("period-number", "1");
                    b.click("agree-user");
                    b.click("agree-service");
                    b.click("place-order");
                    b.waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Pending payment"));
                });
                b.step("paid and delivered", () -> {
                    b.click("pay");
                    b.reloadUntilText("order-status", "Completed", DELIVERY);
                });
                b.step("credentials", () -> {
                    b.click("order-service");
                    b.reloadUntilText("service-status", "Running", DELIVERY);
                    b.click("reveal-password");
                    b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("app-password")));
                });
                String serviceUrl = b.driver.getCurrentUrl();
                String user = b.text("app-user");
                String password = b.text("app-password");
                String loginUrl = b.find("app-login-url").getAttribute("href");
                b.step("the credentials open the seller's SaaS", () -> {
                    b.open(loginUrl);
                    b.type("userName", user);
                    b.type("password", password);
                    b.driver.findElement(By.cssSelector("button[type=submit]")).click();
                    b.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Team notes"));
                });
                b.step("renew a month", () -> {
                    b.open(serviceUrl);
                    b.driver.findElement(By.cssSelector("#renew-form button[type=submit]")).click();
                    b.waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Pending payment"));
                    b.click("pay");
                    b.reloadUntilText("order-status", "Completed", DELIVERY);
                });
                b.step("upgrade to pro", () -> {
                    b.open(serviceUrl);
                    b.select("skuCode", "notes-pro");
                    b.driver.findElement(By.cssSelector("#upgrade-form button[type=submit]")).click();
                    b.waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Pending payment"));
                    b.click("pay");
                    b.reloadUntilText("order-status", "Completed", DELIVERY);
                    b.open(serviceUrl);
                    assertThat(b.page()).contains("Pro");
                });
                b.step("unsubscribe", () -> {
                    b.open(serviceUrl);
                    b.driver.findElement(By.cssSelector("#unsubscribe-form input[name=confirm]")).click();
                    b.driver.findElement(By.cssSelector("#unsubscribe-form button[type=submit]")).click();
                    b.reloadUntilText("order-status", "Completed", DELIVERY);
                    b.open(serviceUrl);
                    b.reloadUntilText("service-status", "Released", DELIVERY);
                });
                assertThat(b.jsErrors()).as("JavaScript errors in the browser console").isEmpty();
                if (Boolean.getBoolean("opengallery.screenshots.always")) {
                    b.screenshots(null);
                }
            } catch (Throwable failure) {
                b.screenshots(failure);
                throw failure;
            }
        }
    }

    private void signIn(Browser b, JsonNode who) throws Exception {
        b.step("sign in " + who.path("login").asText(), () -> {
            b.open(base + "/login?lang=en");
            b.type("username", who.path("login").asText());
            b.type("password", who.path("password").asText());
            b.click("sign-in");
        });
    }
}
