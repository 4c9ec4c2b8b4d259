package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
            b.journey(() -> {
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
                    b.go("place-order");
                    payAndAwaitCompletion(b);
                });
                String[] serviceUrl = new String[1];
                b.step("the credentials open the seller's SaaS", () -> {
                    b.go("order-service");
                    b.reloadUntilText("service-status", "Running", DELIVERY);
                    serviceUrl[0] = b.driver.getCurrentUrl();
                    logInWithTheCredentials(b);
                });
                b.step("renew a month", () -> {
                    b.open(serviceUrl[0]);
                    b.goCss("#renew-form button[type=submit]");
                    payAndAwaitCompletion(b);
                });
                upgradeAndUnsubscribe(b, serviceUrl[0], "Pro (1000 notes)");
            });
        }
    }

    /**
     * The seller's side of the journey, through every console: register, apply, be approved, sign and certify
     * (the operator reads the simulated verification transfer), get keys, add the production address of the seller's
     * own SaaS (a second reference seller, configured with the keys the console showed), verify and debug it, publish a
     * product the operator approves; a buyer finds, buys and uses it; while the SaaS is down a renewal's call fails,
     * and the seller restarts it from 生产接口消息 once the SaaS is back.
     */
    @Test
    void aSellerOnboardsDebugsAndPublishesABuyerBuysItAndTheSellerRestartsAFailedCall() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000);
        String login = "journey" + run;
        String password = "journey password 1";
        String company = "Journey Notes " + run + " Ltd.";
        String productName = "Journey Notes " + run;
        Path logo = image(data.resolve("logo.png"));
        Path pdf = Files.write(data.resolve("licence.pdf"), "%PDF-1.4\n%%EOF\n".getBytes());
        JsonNode operator = logins.path("operator");
        Map<String, String> keys = new HashMap<>();
        JourneySeller saas = new JourneySeller(data.resolve("journey-seller"));
        try (Browser b = new Browser("BrowserJourneyTest-seller"); saas) {
            b.journey(() -> {
                b.step("register", () -> {
                    b.open(base + "/login?lang=en");
                    b.go("register-seller");
                    b.fill("login", login);
                    b.fill("password", password);
                    b.fill("sellerName", company);
                    b.fill("email", "service@journey.example.com");
                    b.goCss("#register-form button[type=submit]");
                    b.waitFor(ExpectedConditions.urlContains("/login"));
                });
                signIn(b, login, password);
                b.step("apply for onboarding", () -> {
                    b.open(base + "/seller/onboarding");
                    b.fill("companyName", company);
                    b.fill("website", "https://www.journey.example.com");
                    b.select("businessYears", "Y3_5");
                    b.select("employeeScale", "S15_50");
                    b.fill("registeredCapital", "500000");
                    b.attach("input[name=licence]", pdf);
                    b.attach("input[name=logo]", logo);
                    b.fill("contactName", "Li Lei");
                    b.fill("contactPhone", "+86 138 0000 0000");
                    b.fill("contactEmail", "lilei@journey.example.com");
                    b.fill("country", "China");
                    b.fill("province", "Beijing");
                    b.fill("city", "Beijing");
                    b.fill("addressLine", "1 Zhongguancun Street");
                    b.fill("postcode", "100080");
                    b.fill("servicePhone", "+86 10 12345678");
                    b.fill("serviceEmail", "service@journey.example.com");
                    b.fill("introduction", "Journey Notes builds shared note taking for small teams since 2015.");
                    b.clickCss("input[name=agreementAccepted]");
                    b.go("submit-application");
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("review-due")));
                });
                signOut(b);
                signIn(b, operator.path("login").asText(), operator.path("password").asText());
                b.step("the operator approves the application", () -> {
                    b.open(base + "/operator/onboarding");
                    b.go(By.xpath(row("application-queue", company) + "//a"));
                    b.go("approve");
                    b.waitFor(ExpectedConditions.urlMatches("/operator/onboarding$"));
                });
                signOut(b);
                signIn(b, login, password);
                b.step("sign the agreement and submit the business information", () -> {
                    b.open(base + "/seller/certification");
                    String entity = "#entity-HUAWEI_CLOUD_CN ";
                    b.clickCss(entity + "input[name=agree]");
                    b.goCss(entity + "form[action$='/agreement'] button[type=submit]");
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(entity + ".cert-form")));
                    fillIn(b, entity, "accountName", company);
                    fillIn(b, entity, "bankName", "Bank of Example");
                    fillIn(b, entity, "bankBranch", "Haidian");
                    fillIn(b, entity, "accountNumber", "62220212345678");
                    new Select(b.driver.findElement(By.cssSelector(entity + "select[name=taxpayerType]"))).selectByValue("GENERAL");
                    fillIn(b, entity, "taxId", "91110108MA01ABCD2X");
                    fillIn(b, entity, "financeName", "Han Mei");
                    fillIn(b, entity, "financePhone", "+86 139 0000 0000");
                    fillIn(b, entity, "financeEmail", "finance@journey.example.com");
                    b.goCss(entity + ".cert-form button[type=submit]");
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(entity + ".amount-form")));
                });
                signOut(b);
                signIn(b, operator.path("login").asText(), operator.path("password").asText());
                String[] amount = new String[1];
                b.step("the operator reads the verification transfer", () -> {
                    b.open(base + "/operator/certifications");
                    b.go(By.xpath(row("certification-queue", company) + "//a"));
                    amount[0] = b.text("verification-amount").replaceAll("[^0-9.]", "");
                });
                signOut(b);
                signIn(b, login, password);
                b.step("enter the amount: certified", () -> {
                    b.open(base + "/seller/certification");
                    b.driver.findElement(By.cssSelector("#entity-HUAWEI_CLOUD_CN .amount-form input[name=amount]"))
                            .sendKeys(amount[0]);
                    b.goCss("#entity-HUAWEI_CLOUD_CN .amount-form button[type=submit]");
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("all-gates")));
                });
                b.step("keys: the V1 Key and an AK/SK pair", () -> {
                    b.open(base + "/seller/keys");
                    b.go("issue-v1");
                    b.go("reveal-v1");
                    assertThat(b.text("v1-value")).isNotBlank();
                    b.go("create-openapi");
                    keys.put("ak", b.driver.findElement(By.cssSelector("#new-pair code:not(.secret)")).getText());
                    keys.put("sk", b.text("new-secret"));
                });
                b.step("add the production address; its access key configures the SaaS", () -> {
                    b.open(base + "/seller/addresses");
                    b.fill("url", saas.url());
                    b.goCss("#add-address button[type=submit]");
                    b.open(base + "/seller/keys");
                    b.goCss("#access-keys form[action$='/reveal'] button");
                    keys.put("access", b.driver.findElement(By.cssSelector("#access-keys code.secret")).getText());
                    saas.start(keys.get("access"), base, keys.get("ak"), keys.get("sk"));
                });
                b.step("verify the address", () -> {
                    b.open(base + "/seller/addresses");
                    b.goCss("#addresses form[action$='/verify'] button");
                    b.waitFor(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#addresses .status-VERIFIED")));
                });
                for (String scenario : List.of("NEW_INSTANCE", "QUERY_INSTANCE", "RENEWAL", "UPGRADE", "EXPIRY",
                        "UNFREEZE", "RELEASE")) {
                    b.step("debug " + scenario, () -> {
                        b.open(base + "/seller/addresses");
                        b.goCss("#addresses a[href$='/debug']");
                        b.goCss("#case-" + scenario + " button[type=submit]");
                        assertThat(b.find("debug-result").getText()).as(b.text("debug-verdict")).contains("Passed");
                        assertThat(b.text("debug-request")).contains("testFlag");
                        b.go("save-case");
                    });
                }
                b.step("publish a product", () -> {
                    b.open(base + "/seller/products");
                    b.go("new-product");
                    b.fill("name", productName);
                    b.select("productionUrl", saas.url());
                    b.fill("description", DESCRIPTION);
                    b.fill("skus[0].name", "Basic");
                    b.fill("skus[0].monthPrice", "9.90");
                    b.fill("skus[0].yearPrice", "99.00");
                    b.fill("serviceAgreement", AGREEMENT);
                    b.fill("supportContent", "Phone and e-mail support");
                    b.fill("supportHours", "5x8 h 09:00-18:00");
                    b.fill("supportPhone", "+86 400 000 0000");
                    b.fill("supportEmail", "support@journey.example.com");
                    b.go("save-draft");
                    b.select("priceTemplate", "CUSTOM");
                    b.fill("skus[1].name", "Pro");
                    b.fill("skus[1].monthPrice", "29.90");
                    b.fill("skus[1].yearPrice", "299.00");
                    b.go("save-draft");
                    b.attach("form[action$='/logo'] input[type=file]", logo);
                    b.goCss("form[action$='/logo'] button[type=submit]");
                    b.attach("form[action$='/copyright'] input[type=file]", pdf);
                    b.goCss("form[action$='/copyright'] button[type=submit]");
                    b.go("submit-draft");
                    b.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                            By.xpath(row("applications", productName)), "Under review"));
                });
                signOut(b);
                signIn(b, operator.path("login").asText(), operator.path("password").asText());
                b.step("the operator approves the product", () -> {
                    b.open(base + "/operator/publications");
                    b.go(By.linkText(productName));
                    b.go("approve");
                    b.waitFor(ExpectedConditions.urlMatches("/operator/publications"));
                });
                signOut(b);
                signIn(b, logins.path("buyer").path("login").asText(), logins.path("buyer").path("password").asText());
                List<String> orders = new ArrayList<>();
                b.step("a buyer finds it and buys Basic monthly", () -> {
                    b.open(base + "/?lang=en");
                    b.fill("q", productName);
                    b.goCss("form.search button[type=submit]");
                    b.go(By.linkText(productName));
                    b.selectText("skuCode", "Basic");
                    b.click("purchase-month");
                    b.click("agree-user");
                    b.click("agree-service");
                    b.go("place-order");
                    b.waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Pending payment"));
                    orders.add(b.text("order-id"));
                    b.go("pay");
                    b.reloadUntilText("order-status", "Completed", DELIVERY);
                });
                String[] service = new String[1];
                b.step("working credentials at the seller's SaaS", () -> {
                    b.go("order-service");
                    b.reloadUntilText("service-status", "Running", DELIVERY);
                    service[0] = b.driver.getCurrentUrl();
                    assertThat(logInWithTheCredentials(b)).startsWith(saas.base());
                });
                saas.stop();
                b.step("renew while the SaaS is down: the call fails", () -> {
                    b.open(service[0]);
                    b.goCss("#renew-form button[type=submit]");
                    b.waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Pending payment"));
                    orders.add(b.text("order-id"));
                    b.go("pay");
                    b.reloadUntilText("order-status", "Processing", DELIVERY);
                });
                signOut(b);
                signIn(b, login, password);
                b.step("the seller sees the orders", () -> {
                    b.open(base + "/seller/orders");
                    for (String order : orders) {
                        assertThat(b.find("orders").getText()).contains(order);
                    }
                });
                b.step("生产接口消息: the failed renewal with its 异常信息", () -> {
                    b.open(base + "/seller/interface-messages");
                    b.go(By.xpath(row("calls", orders.get(1)) + "//a[contains(@href, '/seller/interface-messages/')]"));
                    b.reloadUntilText("call-status", "Failed, retrying", DELIVERY);
                    assertThat(b.text("call-error")).isNotBlank().isNotEqualTo("—");
                });
                b.step("the SaaS is back: 重新启动", () -> {
                    saas.restart();
                    b.go("restart");
                    b.reloadUntilText("call-status", "Succeeded", DELIVERY);
                });
                signOut(b);
                signIn(b, logins.path("buyer").path("login").asText(), logins.path("buyer").path("password").asText());
                b.step("the renewal completed", () -> {
                    b.open(base + "/buyer/orders/" + orders.get(1));
                    b.reloadUntilText("order-status", "Completed", DELIVERY);
                });
                upgradeAndUnsubscribe(b, service[0], "Pro");
            });
        }
    }

    static final String DESCRIPTION = "团队协作笔记，支持多人实时编辑、版本历史与权限管理。".repeat(20);
    static final String AGREEMENT = "本协议在买家下单勾选同意后生效。服务商依法保护用户隐私，不向第三方披露用户数据。";

    /**
     * On a running service's page: reveal the password, open the seller's login page and sign in with the
     * credentials the seller returned; the reference seller's notes page must open. Returns the login page's URL.
     */
    private static String logInWithTheCredentials(Browser b) {
        b.click("reveal-password");
        b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("app-password")));
        String user = b.text("app-user");
        String password = b.text("app-password");
        String loginUrl = b.find("app-login-url").getAttribute("href");
        b.open(loginUrl);
        b.type("userName", user);
        b.type("password", password);
        b.goCss("button[type=submit]");
        b.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Team notes"));
        return loginUrl;
    }

    /** On a new order's page: it waits for payment; pay it and wait until delivery completes it. */
    private static void payAndAwaitCompletion(Browser b) throws InterruptedException {
        b.waitFor(ExpectedConditions.textToBe(By.id("order-status"), "Pending payment"));
        b.go("pay");
        b.reloadUntilText("order-status", "Completed", DELIVERY);
    }

    /** The end of both journeys: upgrade the service to the spec named {@code spec}, then unsubscribe. */
    private static void upgradeAndUnsubscribe(Browser b, String serviceUrl, String spec) throws Exception {
        b.step("upgrade to " + spec, () -> {
            b.open(serviceUrl);
            b.selectText("skuCode", spec);
            b.goCss("#upgrade-form button[type=submit]");
            payAndAwaitCompletion(b);
            b.open(serviceUrl);
            assertThat(b.page()).contains(spec);
        });
        b.step("unsubscribe", () -> {
            b.open(serviceUrl);
            b.driver.findElement(By.cssSelector("#unsubscribe-form input[name=confirm]")).click();
            b.goCss("#unsubscribe-form button[type=submit]");
            b.reloadUntilText("order-status", "Completed", DELIVERY);
            b.open(serviceUrl);
            b.reloadUntilText("service-status", "Released", DELIVERY);
        });
    }

    /** The XPath of the row of table {@code id} that mentions {@code text}. */
    private static String row(String tableId, String text) {
        return "//table[@id='" + tableId + "']//tr[contains(., '" + text + "')]";
    }

    private static void fillIn(Browser b, String scopeCss, String name, String value) {
        var field = b.driver.findElement(By.cssSelector(scopeCss + "[name=" + name + "]"));
        field.clear();
        field.sendKeys(value);
    }

    /** A 168×80 PNG, the logo size the onboarding form asks for. */
    private static Path image(Path file) throws IOException {
        BufferedImage logo = new BufferedImage(168, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(new Color(0x2b6cb0));
        g.fillRect(0, 0, 168, 80);
        g.dispose();
        ImageIO.write(logo, "png", file.toFile());
        return file;
    }

    /**
     * The journey seller's own SaaS: the reference seller in this JVM, configured with the keys the seller console
     * gave (its access key, AK/SK, the marketplace as open API), its data in a file so a restart keeps its tenants.
     */
    static final class JourneySeller implements AutoCloseable {
        private final Path dataFile;
        private final int port;
        private String[] args;
        private SellerDemoCommand running;

        JourneySeller(Path dataFile) throws IOException {
            this.dataFile = dataFile;
            try (ServerSocket free = new ServerSocket(0)) {
                this.port = free.getLocalPort();
            }
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        String url() {
            return base() + "/saasproduce";
        }

        void start(String accessKey, String openApiUrl, String ak, String sk) {
            args = new String[] {"--port", Integer.toString(port), "--access-key", accessKey, "--open-api-url",
                    openApiUrl, "--ak", ak, "--sk", sk, "--jdbc-url",
                    "jdbc:h2:file:" + dataFile.toAbsolutePath() + ";AUTO_SERVER=TRUE"};
            restart();
        }

        void restart() {
            SellerDemoCommand command = new SellerDemoCommand();
            new CommandLine(command).setOut(new PrintWriter(new StringWriter(), true)).parseArgs(args);
            command.start(Map.of());
            running = command;
        }

        void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    private void signIn(Browser b, JsonNode who) throws Exception {
        signIn(b, who.path("login").asText(), who.path("password").asText());
    }

    private void signIn(Browser b, String login, String password) throws Exception {
        b.step("sign in " + login, () -> {
            b.open(base + "/login?lang=en");
            b.type("username", login);
            b.type("password", password);
            b.go("sign-in");
        });
    }

    private void signOut(Browser b) throws Exception {
        b.step("sign out", () -> {
            b.go("logout");
        });
    }
}
