package org.opengallery.sellerdemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.MockOpenApi;
import org.opengallery.conformance.OrderBook;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.apig.AccessKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reference seller's rules as KooGallery and its buyers see them: signed production-interface calls, then
 * the workspace's own pages in a browser. Query Order and usage push go to the conformance checker's mock open
 * API. Run once per database ({@link NotesSaasOnH2Test}, {@link NotesSaasOnPostgreSqlTest}), each on fresh tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + SellerDemoApplication.CONFIG_NAME,
                "opengallery.seller.access-key=demo-key", "opengallery.seller.async-budget=2s"})
abstract class NotesSaasTest {

    /** Shared by both database variants (so not closed after either); the JVM's exit stops it. */
    static final MockOpenApi OPEN_API = startOpenApi("demo-key");

    /** The mock KooGallery open API, checking AK/SK {@code DEMO-AK}/{@code DEMO-SK} and the seller key. */
    static MockOpenApi startOpenApi(String sellerKey) {
        try {
            return MockOpenApi.start(0, AccessKeys.of("DEMO-AK", "DEMO-SK"), sellerKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void openApi(DynamicPropertyRegistry registry) {
        registry.add("opengallery.seller.open-api.base-url", () -> OPEN_API.baseUrl().toString());
        registry.add("opengallery.seller.open-api.ak", () -> "DEMO-AK");
        registry.add("opengallery.seller.open-api.sk", () -> "DEMO-SK");
        // The mock sells one SKU new and upgrades to another (random skuCodes): both are pro here, so a new
        // workspace shows the mapping at work (an unmapped SKU would get basic).
        registry.add("seller-demo.plans.basic", () -> "some-basic-sku");
        registry.add("seller-demo.plans.pro", () -> OPEN_API.orders().product().skuCode() + ", "
                + OPEN_API.orders().upgradedProduct().skuCode());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    UsageReporter usage;
    @Autowired
    SellerDemoProperties properties;

    KooGalleryCalls platform;
    Browser browser;
    String base;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
        platform = new KooGalleryCalls(base + "/saasproduce", "demo-key");
        browser = new Browser();
    }

    /** A fresh order of this kind, known to the mock Query Order, delivered as {@code businessId}. */
    JsonNode create(MockOrder kind, String businessId) throws Exception {
        OrderBook.PlacedOrder order = OPEN_API.orders().place(kind);
        OPEN_API.orders().recordDelivery(businessId);
        return create(order.orderId(), businessId);
    }

    JsonNode create(String orderId, String businessId) throws Exception {
        return platform.send("{\"activity\":\"newInstance\",\"businessId\":\"" + businessId + "\",\"orderId\":\""
                + orderId + "\",\"orderLineId\":\"" + orderId + "-000001\",\"testFlag\":\"1\"}");
    }

    /**
     * The instance's appInfo, once provisioned: on a loaded machine the create may have answered 000004 (still
     * provisioning, finished in the background), so queryInstance is asked again until the info is there (10 s).
     */
    JsonNode appInfo(String instanceId) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            JsonNode info = platform.send("{\"activity\":\"queryInstance\",\"instanceId\":\"" + instanceId + "\"}")
                    .path("info");
            if (info.size() > 0 || System.nanoTime() > deadline) {
                return info.path(0).path("appInfo");
            }
            Thread.sleep(100);
        }
    }

    String signIn(String instanceId) throws Exception {
        JsonNode app = appInfo(instanceId);
        String loginUrl = app.path("frontEndUrl").asText().replace(properties.publicUrl(), base);
        browser.get(loginUrl);
        return browser.post(loginUrl, "userName", app.path("userName").asText(), "password", app.path("password").asText())
                .body();
    }

    @Test
    void aCreatedWorkspacesCredentialsSignInOnItsLoginPage() throws Exception {
        JsonNode created = create(MockOrder.PERIOD_YEAR_NEW, "ws-login");
        // 000004 when a loaded machine takes the seller code past the kit's 3 s budget: appInfo() waits for it
        assertThat(created.path("resultCode").asText()).isIn("000000", "000004");
        JsonNode app = appInfo("ws-login");
        assertThat(app.path("frontEndUrl").asText()).endsWith("/t/ws-login/login");
        assertThat(app.path("password").asText()).hasSize(14);
        String notesPage = signIn("ws-login");
        assertThat(notesPage).contains("Team notes").contains("No notes yet.");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-wrong");
        String loginUrl = base + "/t/ws-wrong/login";
        browser.get(loginUrl);
        HttpResponse<String> page = browser.post(loginUrl, "userName", "admin", "password", "not-it");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Wrong user name or password.");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-csrf");
        HttpResponse<String> page = new Browser().post(base + "/t/ws-csrf/login", "userName", "admin", "password", "x");
        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void freezingBlocksLoginAndUnfreezingRestoresIt() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-freeze");
        signIn("ws-freeze");
        platform.send("{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"ws-freeze\",\"status\":\"FREEZE\"}");
        assertThat(browser.get(base + "/t/ws-freeze/notes").statusCode()).isEqualTo(423);
        assertThat(browser.get(base + "/t/ws-freeze/login").statusCode()).isEqualTo(423);
        platform.send("{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"ws-freeze\",\"status\":\"UNFREEZE\"}");
        assertThat(browser.get(base + "/t/ws-freeze/notes").body()).contains("Add note");
    }

    @Test
    void theFrozenPageSaysWhyAndThatRenewingRestoresAccess() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-frozen-page");
        platform.send("{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"ws-frozen-page\",\"status\":\"FREEZE\"}");
        String page = browser.get(base + "/t/ws-frozen-page/login").body().replaceAll("\\s+", " ");
        assertThat(page)
                .contains("<h1>This workspace is frozen</h1>")
                .contains("This workspace is frozen because its subscription expired or was frozen by the marketplace.")
                .contains("Renew the subscription in KooGallery to restore access. Your notes are kept.");
    }

    @Test
    void notesAreLimitedByThePlan() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-limit");
        db.sql("UPDATE demo_workspace SET notes_limit = 1 WHERE instance_id = 'ws-limit'").update();
        signIn("ws-limit");
        browser.post(base + "/t/ws-limit/notes", "text", "first");
        HttpResponse<String> refused = browser.post(base + "/t/ws-limit/notes", "text", "second");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("holds at most 1 notes");
    }

    @Test
    void aNewWorkspaceGetsThePlanItsSkuIsConfiguredFor() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-sku");
        assertThat(plan("ws-sku")).isEqualTo("PRO " + Plan.PRO.notesLimit());
    }

    @Test
    void anUpgradeToAProSkuRaisesTheLimits() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-upgrade");
        // As if bought on a basic SKU: the mock sells only one.
        db.sql("UPDATE demo_workspace SET plan = 'BASIC', notes_limit = ? WHERE instance_id = 'ws-upgrade'")
                .param(Plan.BASIC.notesLimit()).update();
        JsonNode upgraded = platform.send("{\"activity\":\"upgradeInstance\",\"instanceId\":\"ws-upgrade\","
                + "\"orderId\":\"MOCKMONTYCHANGE\",\"orderLineId\":\"MOCKMONTYCHANGE-000001\"}");
        assertThat(upgraded.path("resultCode").asText()).isEqualTo("000000");
        assertThat(plan("ws-upgrade")).isEqualTo("PRO " + Plan.PRO.notesLimit());
    }

    /** The workspace's plan and notes limit, as "PLAN limit". */
    String plan(String instanceId) {
        return db.sql("SELECT plan, notes_limit FROM demo_workspace WHERE instance_id = ?").param(instanceId)
                .query((rs, n) -> rs.getString("plan") + " " + rs.getInt("notes_limit")).single();
    }

    @Test
    void renewalMovesTheExpiryShownOnTheNotesPage() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-renew");
        platform.send("{\"activity\":\"refreshInstance\",\"expireTime\":\"20301124023618\",\"instanceId\":\"ws-renew\","
                + "\"orderId\":\"MOCKMONTYRENEW\",\"orderLineId\":\"MOCKMONTYRENEW-000001\",\"scene\":\"RENEWAL\"}");
        assertThat(signIn("ws-renew")).contains("2030-11-24T02:36:18Z");
    }

    @Test
    void releaseDeletesTheWorkspacesData() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-release");
        signIn("ws-release");
        browser.post(base + "/t/ws-release/notes", "text", "to be deleted");
        JsonNode released = platform.send("{\"activity\":\"releaseInstance\",\"instanceId\":\"ws-release\"}");
        assertThat(released.path("resultCode").asText()).isEqualTo("000000");
        for (String table : new String[] {"demo_workspace", "demo_user", "demo_note"}) {
            assertThat(db.sql("SELECT COUNT(*) FROM " + table + " WHERE instance_id = 'ws-release'").query(Integer.class)
                    .single()).as(table).isZero();
        }
        assertThat(browser.get(base + "/t/ws-release/login").statusCode()).isEqualTo(404);
    }

    @Test
    void payPerUseNotesAreMeteredAndPushedOnceTheHourIsOver() throws Exception {
        create(MockOrder.ON_DEMAND_NEW, "ws-ppu");
        signIn("ws-ppu");
        browser.post(base + "/t/ws-ppu/notes", "text", "one");
        browser.post(base + "/t/ws-ppu/notes", "text", "two");
        Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).plusSeconds(300);
        assertThat(usage.pushFinishedHours(Instant.now())).as("the hour is not over yet").isZero();
        assertThat(usage.pushFinishedHours(nextHour)).isEqualTo(1);
        assertThat(db.sql("SELECT pushed FROM demo_usage WHERE instance_id = 'ws-ppu'").query(Boolean.class).single()).isTrue();
        assertThat(usage.pushFinishedHours(nextHour)).as("nothing pushed twice").isZero();
    }

    @Test
    void noUrlOnTheWayInCarriesTheSessionId() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-cookie");
        JsonNode app = appInfo("ws-cookie");
        Browser firstVisit = Browser.stoppingAtRedirects();
        // A first response is where Tomcat would put ;jsessionid= into URLs, not knowing yet whether cookies work.
        HttpResponse<String> toLogin = firstVisit.get(base + "/t/ws-cookie/notes");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> loginPage = firstVisit.get(base + "/t/ws-cookie/login");
        HttpResponse<String> toNotes = firstVisit.post(base + "/t/ws-cookie/login",
                "userName", app.path("userName").asText(), "password", app.path("password").asText());
        assertThat(toNotes.statusCode()).isEqualTo(302);
        assertThat(toNotes.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/t/ws-cookie/notes"));
        for (HttpResponse<String> response : java.util.List.of(toLogin, loginPage, toNotes)) {
            assertThat(response.headers().firstValue("Location").orElse("") + response.body())
                    .as(response.uri().toString()).doesNotContainIgnoringCase("jsessionid");
        }
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        create(MockOrder.PERIOD_YEAR_NEW, "ws-fixation");
        JsonNode app = appInfo("ws-fixation");
        Browser visitor = Browser.stoppingAtRedirects();
        visitor.get(base + "/t/ws-fixation/login");
        String beforeLogin = visitor.sessionId();
        assertThat(beforeLogin).isNotNull();
        HttpResponse<String> signedIn = visitor.post(base + "/t/ws-fixation/login",
                "userName", app.path("userName").asText(), "password", app.path("password").asText());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(visitor.sessionId()).isNotNull().isNotEqualTo(beforeLogin);
        assertThat(visitor.get(base + "/t/ws-fixation/notes").body()).contains("Add note");
    }
}
