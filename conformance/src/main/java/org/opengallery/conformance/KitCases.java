package org.opengallery.conformance;

import static org.opengallery.conformance.InstanceAnswers.AUTHENTICATION_FAILED;
import static org.opengallery.conformance.InstanceAnswers.INVALID_PARAMETER;
import static org.opengallery.conformance.InstanceAnswers.SUCCESS;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.opengallery.conformance.CheckRun.Delivered;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.sync.AllOrgSyncRequest;
import org.opengallery.protocol.message.sync.ApplicationSyncRequest;
import org.opengallery.protocol.message.sync.AuthSyncRequest;
import org.opengallery.protocol.message.sync.OrgInfo;
import org.opengallery.protocol.message.sync.SingleOrgSyncRequest;
import org.opengallery.protocol.message.sync.SyncFlag;
import org.opengallery.protocol.message.sync.SyncInterface;
import org.opengallery.protocol.message.sync.SyncUser;
import org.opengallery.protocol.message.sync.TenantSyncRequest;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * The joint-operation sync cases ({@code --kit}): KooGallery POSTs to {@code /produceAPI/v2/<interface>} on the
 * production address's origin, signed in {@code x-sign}/{@code x-timestamp}/{@code x-nonce} with the same key.
 * Adds must succeed again when repeated and deletes must succeed twice without insisting the data exists
 * (spec §3.10). They work on the concurrent-create instance when there is one, else with an empty instanceId,
 * as in KooGallery's app-credential test.
 */
final class KitCases {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestFlag DEBUG = TestFlag.DEBUG;

    /** One enterprise, app, department and user per run, so repeated runs do not meet each other's data. */
    private record Tenant(String tenantId, String tenantCode, String appId, String orgCode, String userName) {
        static Tenant fresh() {
            String code = "conformance" + hex(3);
            return new Tenant(hex(16), code, hex(16), "org-" + hex(4), "user-" + hex(4));
        }
    }

    private KitCases() {
    }

    static List<Case> cases() {
        Tenant tenant = Tenant.fresh();
        return List.of(
                new Case("kit-tenant-sync-add", "tenantSync flag 1 (add) answers 000000",
                        run -> accepted(run, "tenantSync add", SyncInterface.TENANT_SYNC, tenant(run, tenant, SyncFlag.ADD, "Conformance Co."))),
                new Case("kit-tenant-sync-add-again", "the same tenantSync add again answers 000000",
                        run -> accepted(run, "the repeated tenantSync add", SyncInterface.TENANT_SYNC, tenant(run, tenant, SyncFlag.ADD, "Conformance Co."))),
                new Case("kit-tenant-sync-modify", "tenantSync flag 2 (modify the name) answers 000000",
                        run -> accepted(run, "tenantSync modify", SyncInterface.TENANT_SYNC, tenant(run, tenant, SyncFlag.MODIFY, "Conformance Co. Ltd."))),
                new Case("kit-application-sync-add", "applicationSync with a clientSecret RSA-OAEP encrypted under the"
                        + " seller's public key answers 000000 (skipped without --kit-public-key)",
                        run -> applicationSync(run, tenant)),
                new Case("kit-auth-sync-add", "authSync flag 1 (add an admin user) answers 000000",
                        run -> accepted(run, "authSync add", SyncInterface.AUTH_SYNC, auth(run, tenant, SyncFlag.ADD))),
                new Case("kit-single-org-sync-add", "singleOrgSync flag 1 (add a department) answers 000000",
                        run -> accepted(run, "singleOrgSync add", SyncInterface.SINGLE_ORG_SYNC, org(run, tenant, SyncFlag.ADD))),
                new Case("kit-all-org-sync", "allOrgSync with the whole department tree answers 000000",
                        run -> accepted(run, "allOrgSync", SyncInterface.ALL_ORG_SYNC, allOrgs(run, tenant))),
                new Case("kit-reject-wrong-signature", "tenantSync signed with another key answers 000001",
                        KitCases::rejectWrongSignature),
                new Case("kit-reject-stale-timestamp", "tenantSync signed 10 minutes ago answers 000002",
                        run -> rejectStale(run, tenant)),
                new Case("kit-reject-replayed-nonce", "the same signed singleOrgSync sent twice: the first answers"
                        + " 000000, the replay 000002", run -> rejectReplay(run, tenant)),
                new Case("kit-reject-missing-field", "tenantSync without tenantId answers 000002",
                        KitCases::rejectMissingField),
                new Case("kit-auth-sync-delete-twice", "authSync flag 0 (delete the user) answers 000000, twice",
                        run -> twice(run, "authSync delete", SyncInterface.AUTH_SYNC, () -> auth(run, tenant, SyncFlag.DELETE))),
                new Case("kit-single-org-sync-delete-twice", "singleOrgSync flag 0 (delete the department) answers"
                        + " 000000, twice", run -> twice(run, "singleOrgSync delete", SyncInterface.SINGLE_ORG_SYNC,
                                () -> org(run, tenant, SyncFlag.DELETE))),
                new Case("kit-tenant-sync-delete-twice", "tenantSync flag 0 (delete) answers 000000, twice",
                        run -> twice(run, "tenantSync delete", SyncInterface.TENANT_SYNC,
                                () -> tenant(run, tenant, SyncFlag.DELETE, "Conformance Co. Ltd."))));
    }

    // ---- the bodies KooGallery sends ----

    private static TenantSyncRequest tenant(CheckRun run, Tenant tenant, SyncFlag flag, String name) {
        return new TenantSyncRequest(instanceId(run), orderId(run), tenant.tenantId(), tenant.tenantCode(), name,
                "https://" + tenant.tenantCode() + ".tenantaccount.example.com", flag, DEBUG, timeStamp(run));
    }

    private static AuthSyncRequest auth(CheckRun run, Tenant tenant, SyncFlag flag) {
        SyncUser admin = new SyncUser(tenant.userName(), "Conformance Admin", tenant.orgCode(), null, null, 1, "admin",
                "true", null, null, null, null, null, Map.of());
        return new AuthSyncRequest(instanceId(run), tenant.tenantId(), tenant.appId(), List.of(admin),
                timeStamp(run), flag, DEBUG, timeStamp(run));
    }

    private static SingleOrgSyncRequest org(CheckRun run, Tenant tenant, SyncFlag flag) {
        return new SingleOrgSyncRequest(instanceId(run), tenant.tenantId(), tenant.orgCode(), "Conformance Department",
                "", flag, DEBUG, timeStamp(run));
    }

    private static AllOrgSyncRequest allOrgs(CheckRun run, Tenant tenant) {
        List<OrgInfo> tree = List.of(new OrgInfo("root-" + tenant.orgCode(), "Conformance Co.", ""),
                new OrgInfo(tenant.orgCode(), "Conformance Department", "root-" + tenant.orgCode()));
        return new AllOrgSyncRequest(instanceId(run), tenant.tenantId(), tree, SyncFlag.ADD, DEBUG, timeStamp(run));
    }

    // ---- cases ----

    private static Outcome accepted(CheckRun run, String request, SyncInterface sync, Object body) {
        run.platform().kit(request, sync, body).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome twice(CheckRun run, String request, SyncInterface sync, Supplier<Object> body) {
        run.platform().kit("the first " + request, sync, body.get()).expectAccepted(SUCCESS);
        run.platform().kit("the second " + request, sync, body.get()).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome applicationSync(CheckRun run, Tenant tenant) {
        SellerPublicKey key = run.settings().kitPublicKey();
        if (key == null) {
            return Outcome.skip("no --kit-public-key: the clientSecret must be encrypted with the seller's public key");
        }
        String clientSecret = hex(16);
        return accepted(run, "applicationSync add", SyncInterface.APPLICATION_SYNC,
                new ApplicationSyncRequest(instanceId(run), tenant.tenantId(), tenant.appId(), "client-" + hex(8),
                        key.encrypt(clientSecret), SyncFlag.ADD, DEBUG, timeStamp(run)));
    }

    private static Outcome rejectWrongSignature(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        byte[] body = ProtocolJson.writeBytes(tenant(run, Tenant.fresh(), SyncFlag.ADD, "Forged Co."));
        platform.kit("tenantSync signed with another key", SyncInterface.TENANT_SYNC, body,
                platform.signKit(body, platform.wrongKey(), platform.now(), KooGalleryCaller.freshNonce()))
                .expectRejected(AUTHENTICATION_FAILED);
        return Outcome.pass();
    }

    private static Outcome rejectStale(CheckRun run, Tenant tenant) {
        KooGalleryCaller platform = run.platform();
        byte[] body = ProtocolJson.writeBytes(tenant(run, tenant, SyncFlag.MODIFY, "Stale Co."));
        platform.kit("tenantSync signed 10 minutes ago", SyncInterface.TENANT_SYNC, body,
                platform.signKit(body, platform.key(), platform.now().minus(V2Cases.STALE), KooGalleryCaller.freshNonce()))
                .expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    private static Outcome rejectReplay(CheckRun run, Tenant tenant) {
        KooGalleryCaller platform = run.platform();
        byte[] body = ProtocolJson.writeBytes(org(run, tenant, SyncFlag.ADD));
        TimestampSignature once = platform.signKit(body);
        platform.kit("the first singleOrgSync", SyncInterface.SINGLE_ORG_SYNC, body, once).expectAccepted(SUCCESS);
        platform.kit("the same signed singleOrgSync replayed", SyncInterface.SINGLE_ORG_SYNC, body, once)
                .expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    private static Outcome rejectMissingField(CheckRun run) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("instanceId", instanceId(run));
        fields.put("orderId", orderId(run));
        fields.put("tenantCode", "conformance-missing");
        fields.put("name", "Nameless Co.");
        fields.put("domainName", "https://conformance-missing.tenantaccount.example.com");
        fields.put("flag", SyncFlag.ADD.code());
        fields.put("testFlag", 1);
        fields.put("timeStamp", timeStamp(run));
        byte[] body = ProtocolJson.writeBytes(fields);
        run.platform().kit("tenantSync without tenantId", SyncInterface.TENANT_SYNC, body, run.platform().signKit(body))
                .expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    // ---- shared values ----

    private static String instanceId(CheckRun run) {
        return run.instanceIfAny(InstanceRole.SECOND).map(Delivered::instanceId).orElse("");
    }

    private static String orderId(CheckRun run) {
        return run.instanceIfAny(InstanceRole.SECOND).map(Delivered::orderId).orElse("");
    }

    private static String timeStamp(CheckRun run) {
        return ProtocolTime.formatKitTimeStamp(run.platform().now());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
