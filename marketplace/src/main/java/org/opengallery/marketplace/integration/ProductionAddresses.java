package org.opengallery.marketplace.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opengallery.marketplace.delivery.InterfaceDebugger;
import org.opengallery.marketplace.delivery.InterfaceDebugger.DebugRequest;
import org.opengallery.marketplace.delivery.InterfaceDebugger.DebugResult;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.openapi.DebugOrders;
import org.opengallery.marketplace.secrets.RandomText;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.ProtocolJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 生产地址管理 and 应用接入调试: a seller's production addresses, their verification, debug runs and saved cases.
 * Everything is looked up by seller and id together, so another seller's address is "not found". Requests to the
 * seller are sent outside any transaction (they take up to the 5 s timeout); only their outcome is written.
 */
@Service
public class ProductionAddresses {

    private static final int TEXT_LIMIT = 8000;

    private final JdbcClient jdbc;
    private final Sellers sellers;
    private final InterfaceDebugger debugger;
    private final DebugOrders debugOrders;
    private final Clock clock;

    public ProductionAddresses(JdbcClient jdbc, Sellers sellers, InterfaceDebugger debugger, DebugOrders debugOrders,
                               Clock clock) {
        this.debugOrders = debugOrders;
        this.jdbc = jdbc;
        this.sellers = sellers;
        this.debugger = debugger;
        this.clock = clock;
    }

    /** What adding an address did: the address, and whether a BASIC key was created for it just now. */
    public record Added(ProductionAddress address, boolean keyCreated) {}

    /**
     * Adds a production address. https only, except http://127.0.0.1 and http://localhost for a seller testing on
     * its own machine. V2: the BASIC key bound to the address is the one already bound, else {@code existingKey}
     * when the seller brings the key its interface is configured with, else a new one. V1: the seller's V1 Key,
     * issued now if it has none.
     */
    @Transactional
    public Added add(long sellerId, String url, InterfaceVersion version, String existingKey) {
        String checked = checkedUrl(url);
        if (version == null) {
            throw ApiException.badRequest("invalid_interface_version", "choose the interface version: V1 or V2");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO production_address (seller_id, url, interface_version, status, created_at)
                    VALUES (:seller, :url, :version, 'UNVERIFIED', :now)""")
                    .param("seller", sellerId).param("url", checked).param("version", version.name())
                    .param("now", now()).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("address_exists", "the production address " + checked + " is already added");
        }
        boolean created = false;
        if (version == InterfaceVersion.V2) {
            if (sellers.accessKey(sellerId, InterfaceType.BASIC, checked).isEmpty()) {
                if (existingKey != null && !existingKey.isBlank()) {
                    sellers.bindAccessKey(sellerId, InterfaceType.BASIC, checked, existingKey.strip());
                } else {
                    sellers.createAccessKey(sellerId, InterfaceType.BASIC, checked);
                    created = true;
                }
            }
        } else if (sellers.v1Key(sellerId).isEmpty()) {
            sellers.issueV1Key(sellerId);
            created = true;
        }
        return new Added(address(sellerId, keys.getKey().longValue()), created);
    }

    public List<ProductionAddress> addresses(long sellerId) {
        return jdbc.sql("SELECT * FROM production_address WHERE seller_id = :seller ORDER BY id")
                .param("seller", sellerId).query(ProductionAddresses::address).list();
    }

    /** The seller's own address; any other id (another seller's included) is not found. */
    public ProductionAddress address(long sellerId, long addressId) {
        return jdbc.sql("SELECT * FROM production_address WHERE seller_id = :seller AND id = :id")
                .param("seller", sellerId).param("id", addressId).query(ProductionAddresses::address).optional()
                .orElseThrow(() -> ApiException.notFound("production address", Long.toString(addressId)));
    }

    /**
     * Verifies an address (认证): a queryInstance with testFlag=1 signed with the address's key must be accepted and
     * answered with a valid Body-Sign, and the same request signed with a wrong key must be refused (000001). Cheap:
     * nothing is created on the seller's side. Marks it VERIFIED or FAILED with the reason.
     */
    public ProductionAddress verify(long sellerId, long addressId) {
        ProductionAddress address = address(sellerId, addressId);
        Verdicts.Judgement outcome = key(address).map(key -> {
            Map<String, String> probe = Map.of("activity", "queryInstance",
                    "instanceId", "opengallery-verify-" + RandomText.draw(RandomText.ALPHANUMERIC, 12));
            Verdicts.Judgement signed = Verdicts.signedProbe(
                    debugger.send(new DebugRequest(address.url(), address.version(), key, probe)));
            if (!signed.passed()) {
                return signed;
            }
            String wrongKey = RandomText.draw(RandomText.ALPHANUMERIC, 32);
            return Verdicts.wronglySignedProbe(
                    debugger.send(new DebugRequest(address.url(), address.version(), wrongKey, probe)));
        }).orElseGet(() -> Verdicts.Judgement.fail(missingKey(address)));
        jdbc.sql("""
                UPDATE production_address SET status = :status, status_reason = :reason, verified_at = :at
                WHERE id = :id AND seller_id = :seller""")
                .param("status", outcome.passed() ? AddressStatus.VERIFIED.name() : AddressStatus.FAILED.name())
                .param("reason", outcome.passed() ? null : truncate(outcome.verdict(), 1000))
                .param("at", outcome.passed() ? now() : null)
                .param("id", addressId).param("seller", sellerId).update();
        return address(sellerId, addressId);
    }

    /**
     * Runs one debug case on a verified address with fresh test ids; {@code instanceId} (blank: the address's debug
     * instance, from the last passing newInstance) is what the later scenarios work on. Returns the stored run.
     */
    public DebugRun debug(long sellerId, long addressId, Scenario scenario, String instanceId) {
        ProductionAddress address = address(sellerId, addressId);
        if (!address.verified()) {
            throw ApiException.conflict("address_not_verified",
                    "verify the production address first: debug cases run on verified addresses only");
        }
        if (scenario == null) {
            throw ApiException.badRequest("invalid_scenario", "choose a scenario to debug");
        }
        String instance = instanceId == null || instanceId.isBlank() ? address.debugInstanceId() : instanceId.strip();
        if (scenario.needsInstance() && (instance == null || instance.isBlank())) {
            throw ApiException.badRequest("instance_required",
                    "this scenario works on an instance: run 新购 (newInstance) first, or enter an instanceId");
        }
        if (instance != null && instance.length() > 100) {
            throw ApiException.badRequest("instance_required", "an instanceId has at most 100 characters");
        }
        String key = key(address).orElseThrow(() -> ApiException.conflict("no_key", missingKey(address)));
        Map<String, String> parameters = scenario.parameters(address.version(), instance, clock.instant());
        Outcome outcome = run(address, key, scenario, parameters);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO debug_run (address_id, scenario, parameters, request_text, response_text, passed, verdict,
                                       instance_id, created_at)
                VALUES (:address, :scenario, :parameters, :request, :response, :passed, :verdict, :instance, :now)""")
                .param("address", addressId).param("scenario", scenario.name())
                .param("parameters", ProtocolJson.write(parameters))
                .param("request", truncate(outcome.requestText(), TEXT_LIMIT))
                .param("response", outcome.responseText() == null ? null : truncate(outcome.responseText(), TEXT_LIMIT))
                .param("passed", outcome.judgement().passed()).param("verdict", truncate(outcome.judgement().verdict(), 1000))
                .param("instance", outcome.instanceId()).param("now", now()).update(keys, "id");
        if (scenario == Scenario.NEW_INSTANCE && outcome.judgement().passed()) {
            jdbc.sql("UPDATE production_address SET debug_instance_id = :instance WHERE id = :id")
                    .param("instance", outcome.instanceId()).param("id", addressId).update();
        }
        return run(sellerId, addressId, keys.getKey().longValue());
    }

    /** A run of the seller's own address; not found otherwise. */
    public DebugRun run(long sellerId, long addressId, long runId) {
        address(sellerId, addressId);
        return jdbc.sql("SELECT * FROM debug_run WHERE id = :id AND address_id = :address")
                .param("id", runId).param("address", addressId).query(ProductionAddresses::run).optional()
                .orElseThrow(() -> ApiException.notFound("debug run", Long.toString(runId)));
    }

    /** Saves a passing run as its scenario's case (replacing the scenario's earlier case). */
    @Transactional
    public DebugCase save(long sellerId, long addressId, long runId) {
        DebugRun run = run(sellerId, addressId, runId);
        if (!run.passed()) {
            throw ApiException.conflict("run_failed", "only a passing debug run can be saved as a case: " + run.verdict());
        }
        String parameters = jdbc.sql("SELECT parameters FROM debug_run WHERE id = :id").param("id", runId)
                .query(String.class).single();
        int updated = jdbc.sql("""
                UPDATE debug_case SET parameters = :parameters, saved_at = :now, last_run_at = :ran, last_passed = TRUE,
                                      last_verdict = :verdict
                WHERE address_id = :address AND scenario = :scenario""")
                .param("parameters", parameters).param("now", now()).param("ran", run.createdAt().atOffset(ZoneOffset.UTC))
                .param("verdict", run.verdict()).param("address", addressId).param("scenario", run.scenario().name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO debug_case (address_id, scenario, parameters, saved_at, last_run_at, last_passed, last_verdict)
                    VALUES (:address, :scenario, :parameters, :now, :ran, TRUE, :verdict)""")
                    .param("address", addressId).param("scenario", run.scenario().name()).param("parameters", parameters)
                    .param("now", now()).param("ran", run.createdAt().atOffset(ZoneOffset.UTC))
                    .param("verdict", run.verdict()).update();
        }
        return cases(sellerId, addressId).stream().filter(c -> c.scenario() == run.scenario()).findFirst().orElseThrow();
    }

    /** The saved cases of the seller's address, in scenario order. */
    public List<DebugCase> cases(long sellerId, long addressId) {
        address(sellerId, addressId);
        return casesOf(addressId);
    }

    /** The latest debug runs of the seller's address, newest first. */
    public List<DebugRun> runs(long sellerId, long addressId, int limit) {
        address(sellerId, addressId);
        return jdbc.sql("SELECT * FROM debug_run WHERE address_id = :address ORDER BY id DESC LIMIT :limit")
                .param("address", addressId).param("limit", limit).query(ProductionAddresses::run).list();
    }

    /**
     * The scenarios with a saved case at this address of the seller: what publishing checks before listing a product
     * there (periodic: 新购, 续费, 过期, 释放; one-time: 新购, 释放). Empty for an address the seller has not added.
     */
    public java.util.Set<Scenario> savedScenarios(long sellerId, String url) {
        return java.util.EnumSet.copyOf(jdbc.sql("""
                SELECT c.scenario FROM debug_case c JOIN production_address a ON a.id = c.address_id
                WHERE a.seller_id = :seller AND a.url = :url""")
                .param("seller", sellerId).param("url", url).query(String.class).list().stream()
                .map(Scenario::valueOf).collect(java.util.stream.Collectors.toCollection(
                        () -> java.util.EnumSet.noneOf(Scenario.class))));
    }

    /**
     * A key of these addresses was replaced: they must be verified again (the seller's interface has to hold the new
     * key), and until then they cannot be debugged.
     */
    void keyReplaced(long sellerId, java.util.function.Predicate<ProductionAddress> which) {
        for (ProductionAddress a : addresses(sellerId)) {
            if (which.test(a) && a.status() != AddressStatus.UNVERIFIED) {
                jdbc.sql("""
                        UPDATE production_address SET status = 'UNVERIFIED', status_reason = :reason, verified_at = NULL
                        WHERE id = :id""")
                        .param("reason", "the key was rotated: verify the address again once your production interface "
                                + "uses the new key")
                        .param("id", a.id()).update();
            }
        }
    }

    // ---- for the dial tests (same package) -------------------------------------------------------------------

    /** What one request came to: the texts shown, the judgement, the instance it named. */
    record Outcome(String requestText, String responseText, Verdicts.Judgement judgement, String instanceId) {}

    List<DebugCase> casesOf(long addressId) {
        return jdbc.sql("SELECT * FROM debug_case WHERE address_id = :address")
                .param("address", addressId).query(ProductionAddresses::debugCase).list().stream()
                .sorted(java.util.Comparator.comparing(DebugCase::scenario)).toList();
    }

    /** Addresses with at least one saved case: the dial tests' work. */
    List<ProductionAddress> addressesWithCases() {
        return jdbc.sql("""
                SELECT * FROM production_address a WHERE EXISTS (SELECT 1 FROM debug_case c WHERE c.address_id = a.id)
                ORDER BY id""").query(ProductionAddresses::address).list();
    }

    Optional<String> key(ProductionAddress address) {
        return address.version() == InterfaceVersion.V2
                ? sellers.accessKey(address.sellerId(), InterfaceType.BASIC, address.url()).map(AccessKey::key)
                : sellers.v1Key(address.sellerId());
    }

    Outcome run(ProductionAddress address, String key, Scenario scenario, Map<String, String> parameters) {
        if (scenario.orderType() != null && parameters.containsKey("orderId")) {
            debugOrders.announce(address.sellerId(), parameters.get("orderId"), scenario.orderType());
        }
        DebugResult result = debugger.send(new DebugRequest(address.url(), address.version(), key, parameters));
        Verdicts.Judgement judgement = Verdicts.scenario(scenario, address.version(), result);
        return new Outcome(requestText(result), responseText(result), judgement,
                scenario == Scenario.NEW_INSTANCE ? result.instanceId() : parameters.get("instanceId"));
    }

    private static String missingKey(ProductionAddress address) {
        return address.version() == InterfaceVersion.V2
                ? "no BASIC access key is bound to " + address.url() + "; create one on the keys page"
                : "the seller has no V1 Key; generate it on the keys page";
    }

    /** The request as an HTTP message: request line, headers, blank line, body. */
    private static String requestText(DebugResult r) {
        StringBuilder text = new StringBuilder(r.request().method()).append(' ').append(r.request().url()).append('\n');
        r.request().headers().forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        if (!r.request().body().isEmpty()) {
            text.append('\n').append(r.request().body());
        }
        return text.toString();
    }

    /** The answer as an HTTP message, or the transport error when none arrived. */
    private static String responseText(DebugResult r) {
        if (r.response() == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("HTTP ").append(r.response().status()).append('\n');
        r.response().headers().forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        if (r.bodySign() != null) {
            text.append("(Body-Sign: ").append(r.bodySign().name().toLowerCase(Locale.ROOT)).append(")\n");
        }
        return text.append('\n').append(r.response().body()).toString();
    }

    /** https, or http on this machine only (local testing). */
    static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("invalid_production_url", "enter the production address, e.g. "
                    + "https://isv.example.com/saasproduce");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("invalid_production_url", "the production address is not a URL: " + url);
        }
        boolean local = "http".equals(uri.getScheme())
                && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        if (!("https".equals(uri.getScheme()) || local) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || uri.toString().length() > 400) {
            throw ApiException.badRequest("invalid_production_url", "the production address must be an https:// URL "
                    + "with a host name (http:// only for 127.0.0.1 or localhost, for local testing), got " + url);
        }
        return uri.toString();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static ProductionAddress address(ResultSet rs, int n) throws SQLException {
        return new ProductionAddress(rs.getLong("id"), rs.getLong("seller_id"), rs.getString("url"),
                InterfaceVersion.valueOf(rs.getString("interface_version")),
                AddressStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                instant(rs, "verified_at"), rs.getString("debug_instance_id"), instant(rs, "dial_last_run_at"),
                rs.getObject("dial_last_passed", Boolean.class), instant(rs, "dial_failing_since"),
                instant(rs, "dial_frozen_at"), instant(rs, "created_at"));
    }

    private static DebugRun run(ResultSet rs, int n) throws SQLException {
        return new DebugRun(rs.getLong("id"), rs.getLong("address_id"), Scenario.valueOf(rs.getString("scenario")),
                rs.getString("request_text"), rs.getString("response_text"), rs.getBoolean("passed"),
                rs.getString("verdict"), rs.getString("instance_id"), instant(rs, "created_at"));
    }

    private static DebugCase debugCase(ResultSet rs, int n) throws SQLException {
        return new DebugCase(rs.getLong("id"), rs.getLong("address_id"), Scenario.valueOf(rs.getString("scenario")),
                instant(rs, "saved_at"), instant(rs, "last_run_at"), rs.getBoolean("last_passed"),
                rs.getString("last_verdict"));
    }
}
