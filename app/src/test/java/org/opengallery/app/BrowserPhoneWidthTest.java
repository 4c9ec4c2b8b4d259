package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import picocli.CommandLine;

/**
 * Every console page of {@code ./opengallery demo}, in both languages, on a 360 px wide phone screen: it answers
 * (no error page), fits the screen without scrolling sideways and logs no JavaScript error.
 */
class BrowserPhoneWidthTest {

    static final List<String> PUBLIC = List.of("/", "/search?q=notes", "/login", "/register/seller");
    static final List<String> BUYER = List.of("/buyer/services", "/buyer/orders", "/buyer/agreements", "/messages",
            "/account/password");
    static final List<String> SELLER = List.of("/seller", "/seller/onboarding", "/seller/certification",
            "/seller/keys", "/seller/addresses", "/seller/products", "/seller/orders", "/seller/interface-messages",
            "/seller/order-notifications", "/seller/users", "/messages");
    static final List<String> OPERATOR = List.of("/operator", "/operator/onboarding", "/operator/certifications",
            "/operator/publications", "/operator/sellers", "/operator/buyers", "/operator/products",
            "/operator/orders", "/operator/calls", "/messages");

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
        logins = new ObjectMapper().readTree(Files.readString(data.resolve("demo.json")));
        base = logins.path("marketplaceUrl").asText();
    }

    @AfterEach
    void stopDemo() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    void everyConsolePageFitsAPhoneInBothLanguagesWithoutScriptErrors() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser("BrowserPhoneWidthTest")) {
            b.journey(() -> {
                b.driver.manage().window().setSize(new Dimension(360, 780));
                visit(b, null, PUBLIC, problems);
                visit(b, logins.path("buyer"), BUYER, problems);
                visit(b, logins.path("seller"), SELLER, problems);
                visit(b, logins.path("operator"), OPERATOR, problems);
                assertThat(problems).as("pages that overflow 360 px or show an error").isEmpty();
            });
        }
    }

    private void visit(Browser b, JsonNode who, List<String> pages, List<String> problems) throws Exception {
        if (who != null) {
            b.step("sign in " + who.path("login").asText(), () -> {
                b.open(base + "/login");
                b.type("username", who.path("login").asText());
                b.type("password", who.path("password").asText());
                b.click("sign-in");
                b.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            });
        }
        for (String lang : List.of("zh-CN", "en")) {
            for (String page : pages) {
                b.step(lang + " " + page, () -> {
                    b.open(base + page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                    // a script check, not findElements: the implicit wait would spend 2 s on every page that is fine
                    if (Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                            "return document.getElementById('error-page') !== null;"))
                            || b.driver.getTitle().contains("Whitelabel")) {
                        problems.add(page + " (" + lang + "): error page");
                    } else if (!b.fitsTheWindow()) {
                        problems.add(page + " (" + lang + "): wider than 360 px: " + b.overflowing());
                    }
                });
            }
        }
        if (who != null) {
            b.step("sign out", () -> b.click("logout"));
        }
    }
}
