package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The main job end to end: the demo's buyer buys through the JSON API and signs in to the reference seller. */
class DemoCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path data;
    DemoCommand demo;
    org.springframework.context.ConfigurableApplicationContext context;
    final StringWriter out = new StringWriter();

    JsonNode start(String... extra) throws Exception {
        demo = new DemoCommand();
        String[] args = new String[extra.length + 4];
        args[0] = "--port";
        args[1] = "0";
        args[2] = "--data";
        args[3] = data.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        new CommandLine(demo).setOut(new PrintWriter(out, true)).parseArgs(args);
        context = demo.start();
        return JSON.readTree(Files.readString(data.resolve("demo.json")));
    }

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    void demoJsonSaysWhereEverythingIsAndWhoCanSignIn() throws Exception {
        JsonNode json = start();

        assertThat(json.path("marketplaceUrl").asText()).startsWith("http://127.0.0.1:");
        for (String field : new String[] {"login", "password", "apiToken"}) {
            assertThat(json.path("buyer").path(field).asText()).as("buyer." + field).isNotBlank();
        }
        for (String field : new String[] {"login", "password", "accessKey", "ak", "sk"}) {
            assertThat(json.path("seller").path(field).asText()).as("seller." + field).isNotBlank();
        }
        assertThat(json.path("products")).extracting(p -> p.path("skuCode").asText() + "/" + p.path("chargingMode").asText()
                + "/" + p.path("periodType").asText()).contains("notes-basic/PERIOD/month", "notes-basic/PERIOD/year",
                "notes-metered/ON_DEMAND/null");
        String url = json.path("marketplaceUrl").asText();
        assertThat(out.toString()).as("the three logins, each with the console it opens")
                .contains(json.path("buyer").path("login").asText() + " / " + json.path("buyer").path("password").asText()
                        + "  → " + url + "/buyer/services")
                .contains(json.path("seller").path("login").asText() + " / " + json.path("seller").path("password").asText()
                        + "  → " + url + "/seller")
                .contains(json.path("operator").path("login").asText() + " / "
                        + json.path("operator").path("password").asText() + "  → " + url + "/operator");
    }

    @Test
    void buyerBalanceSetsTheNewBuyersBalanceAndARestartKeepsIt() throws Exception {
        start("--buyer-balance", "5000");
        assertThat(buyerBalance()).isEqualByComparingTo("5000.00");
        demo.stop();

        start("--buyer-balance", "7");
        assertThat(buyerBalance()).as("the buyer of the first run keeps its balance").isEqualByComparingTo("5000.00");
    }

    java.math.BigDecimal buyerBalance() {
        return context.getBean(org.opengallery.marketplace.buyer.Buyers.class)
                .buyerByLogin(org.opengallery.marketplace.demo.DemoShop.BUYER_LOGIN).orElseThrow().balance();
    }

    @Test
    void aPurchaseThroughTheJsonApiGivesCredentialsThatOpenTheReferenceSeller() throws Exception {
        JsonNode json = start();
        String api = json.path("marketplaceUrl").asText();
        String token = json.path("buyer").path("apiToken").asText();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        JsonNode order = call(http, "POST", api + "/api/v1/orders", token,
                "{\"skuCode\":\"notes-basic\",\"periodType\":\"month\",\"periodNumber\":1,\"trial\":false}", 201);
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        call(http, "POST", api + "/api/v1/orders/" + order.path("orderId").asText() + "/pay", token, null, 200);

        JsonNode instance = awaitRunning(http, api, token, order.path("orderId").asText());
        JsonNode app = instance.path("appInfo");
        String loginUrl = app.path("frontEndUrl").asText();
        String page = http.send(HttpRequest.newBuilder(URI.create(loginUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("login page has a CSRF token: " + page).isTrue();
        String form = "userName=" + enc(app.path("userName").asText()) + "&password=" + enc(app.path("password").asText())
                + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/notes");
    }

    JsonNode awaitRunning(HttpClient http, String api, String token, String orderId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode i : call(http, "GET", api + "/api/v1/instances", token, null, 200)) {
                if (i.path("orderId").asText().equals(orderId)) {
                    last = i;
                    if ("RUNNING".equals(i.path("status").asText())) {
                        return i;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the instance of " + orderId + " did not start running: " + last);
    }

    static JsonNode call(HttpClient http, String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + url + " → " + r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
