package org.opengallery.conformance;

import static org.opengallery.conformance.InstanceAnswers.AUTHENTICATION_FAILED;
import static org.opengallery.conformance.InstanceAnswers.INVALID_PARAMETER;
import static org.opengallery.conformance.InstanceAnswers.IN_PROGRESS;
import static org.opengallery.conformance.InstanceAnswers.SUCCESS;
import static org.opengallery.conformance.InstanceAnswers.appInfoOf;
import static org.opengallery.conformance.InstanceAnswers.requireAppInfo;
import static org.opengallery.conformance.InstanceRole.MAIN;
import static org.opengallery.conformance.InstanceRole.SECOND;
import static org.opengallery.conformance.InstanceRole.THIRD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.opengallery.conformance.CheckRun.Delivered;
import org.opengallery.conformance.OrderBook.PlacedOrder;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.ProductInfo;
import org.opengallery.protocol.message.v2.ChangeInstanceCheckRequest;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.OrderNotifyRequest;
import org.opengallery.protocol.message.v2.QueryInstanceRequest;
import org.opengallery.protocol.message.v2.RefreshInstanceRequest;
import org.opengallery.protocol.message.v2.RefreshScene;
import org.opengallery.protocol.message.v2.ReleaseInstanceRequest;
import org.opengallery.protocol.message.v2.UpdateInstanceStatusRequest;
import org.opengallery.protocol.message.v2.UpgradeInstanceRequest;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * The V2 basic-interface cases, in the order they run: the lifecycle of one instance (create, retry, query,
 * refresh, freeze, upgrade, change check), then the requests a seller must refuse, each checked for leaving no
 * trace, then release. Every request is a debug call ({@code testFlag 1}), as from the seller console and the
 * daily dial tests.
 */
final class V2Cases {

    /** How far off a stale timestamp is: well outside the documented 60-second window. */
    static final Duration STALE = Duration.ofMinutes(10);

    private static final TestFlag DEBUG = TestFlag.DEBUG;

    private V2Cases() {
    }

    static List<Case> cases() {
        return List.of(
                new Case("create", "newInstance for a fresh order line answers 000000 or 000004 with an instanceId"
                        + " within 5 s; queryInstance then delivers appInfo with a frontEndUrl", V2Cases::create),
                new Case("create-again-same-instance", "newInstance again for the same order line (a new businessId,"
                        + " as KooGallery's retries carry) answers the same instanceId", V2Cases::createAgain),
                new Case("create-concurrent-one-instance", "two newInstance for one fresh order line sent at the same"
                        + " moment answer one and the same instanceId", V2Cases::createConcurrently),
                new Case("query-one", "queryInstance with one id answers 000000 and its appInfo", V2Cases::queryOne),
                new Case("query-list", "queryInstance with two comma-separated ids answers appInfo for each",
                        V2Cases::queryList),
                refresh("refresh-renewal", RefreshScene.RENEWAL, MockOrder.MONTHLY_RENEW),
                refresh("refresh-trial-to-formal", RefreshScene.TRIAL_TO_FORMAL, MockOrder.MONTHLY_TRIAL_TO_FORMAL),
                refresh("refresh-unsubscribe-renewal-period", RefreshScene.UNSUBSCRIBE_RENEWAL_PERIOD,
                        MockOrder.MONTHLY_UNSUBSCRIBE),
                refresh("refresh-renewal-change", RefreshScene.RENEWAL_CHANGE, MockOrder.MONTHLY_CHANGE),
                status("freeze", InstanceStatusChange.FREEZE),
                status("unfreeze", InstanceStatusChange.UNFREEZE),
                new Case("upgrade", "upgradeInstance with a new upgrade order answers 000000", V2Cases::upgrade),
                new Case("change-check", "changeInstanceCheck answers 000000 or a refusal of the change, never an"
                        + " authentication or parameter error (the report says which)", V2Cases::changeCheck),
                new Case("order-notify", "orderNotify for a new order answers 000000", V2Cases::orderNotify),
                new Case("reject-wrong-signature", "newInstance for a fresh order line signed with another key answers"
                        + " 000001 and leaves no trace: its businessId is no instance, and a valid create of that line"
                        + " afterwards provisions normally", V2Cases::rejectWrongSignature),
                new Case("reject-wrong-signature-release", "releaseInstance signed with another key answers 000001"
                        + " and the instance keeps answering its appInfo", V2Cases::rejectWrongSignatureRelease),
                new Case("reject-missing-signature", "queryInstance without the signature parameter answers 000001",
                        V2Cases::rejectMissingSignature),
                new Case("reject-stale-timestamp", "releaseInstance signed 10 minutes ago and queryInstance signed 10"
                        + " minutes ahead answer 000002, and the instance keeps answering its appInfo",
                        V2Cases::rejectStaleTimestamp),
                new Case("reject-replayed-nonce", "the same signed queryInstance sent twice: the first answers 000000,"
                        + " the replay 000002", V2Cases::rejectReplayedNonce),
                new Case("reject-missing-field", "newInstance without orderLineId answers 000002",
                        V2Cases::rejectMissingField),
                new Case("reject-unknown-activity", "an activity the protocol does not define answers 000002",
                        V2Cases::rejectUnknownActivity),
                new Case("reject-malformed-json", "a body that is not JSON (signed over its text) answers 000002",
                        V2Cases::rejectMalformedJson),
                new Case("release", "releaseInstance answers 000000", V2Cases::release),
                new Case("release-again", "releaseInstance of the released instance answers 000000 again",
                        V2Cases::releaseAgain));
    }

    /** Releases what the run created besides the main instance; failures here are not the seller's case to fail. */
    static void releaseLeftovers(CheckRun run) {
        for (InstanceRole role : List.of(SECOND, THIRD)) {
            run.instanceIfAny(role).ifPresent(instance -> {
                try {
                    run.platform().v2("cleanup releaseInstance",
                            new ReleaseInstanceRequest(instance.instanceId(), null, null, DEBUG));
                } catch (RuntimeException ignored) {
                    // best effort: the cases are over
                }
            });
        }
    }

    // ---- create ----

    private static Outcome create(CheckRun run) {
        PlacedOrder order = run.orders().place(MockOrder.PERIOD_YEAR_NEW);
        SellerAnswer answer = newInstance(run, "newInstance", order, businessId());
        String instanceId = createdInstance(answer);
        awaitAppInfo(run, instanceId, IN_PROGRESS.equals(answer.resultCode()));
        run.delivered(MAIN, new Delivered(instanceId, order.orderId(), order.orderLineId()));
        return IN_PROGRESS.equals(answer.resultCode()) ? Outcome.pass("provisioned asynchronously (000004)") : Outcome.pass();
    }

    private static Outcome createAgain(CheckRun run) {
        Delivered main = run.instance(MAIN);
        SellerAnswer answer = run.platform().v2("the retried newInstance",
                new NewInstanceRequest(main.orderId(), main.orderLineId(), businessId(), DEBUG));
        String instanceId = createdInstance(answer);
        if (!instanceId.equals(main.instanceId())) {
            throw new CaseFailure("the retried newInstance for order line " + main.orderLineId() + " answered instance "
                    + instanceId + ", the first one " + main.instanceId() + ": a retry created a second instance");
        }
        return Outcome.pass();
    }

    private static Outcome createConcurrently(CheckRun run) {
        PlacedOrder order = run.orders().place(MockOrder.ONE_TIME_NEW);
        KooGalleryCaller platform = run.platform();
        byte[] first = ProtocolJson.writeBytes(new NewInstanceRequest(order.orderId(), order.orderLineId(), businessId(), DEBUG));
        byte[] second = ProtocolJson.writeBytes(new NewInstanceRequest(order.orderId(), order.orderLineId(), businessId(), DEBUG));
        CompletableFuture<SellerAnswer> a = platform.v2Async("the first concurrent newInstance", first, platform.sign(first));
        CompletableFuture<SellerAnswer> b = platform.v2Async("the second concurrent newInstance", second, platform.sign(second));
        SellerAnswer answerA = KooGalleryCaller.await(a);
        SellerAnswer answerB = KooGalleryCaller.await(b);
        String idA = createdInstance(answerA);
        String idB = createdInstance(answerB);
        run.delivered(SECOND, new Delivered(idA, order.orderId(), order.orderLineId()));
        if (!idA.equals(idB)) {
            throw new CaseFailure("two concurrent newInstance for order line " + order.orderLineId()
                    + " answered two instances, " + idA + " and " + idB);
        }
        awaitAppInfo(run, idA, IN_PROGRESS.equals(answerA.resultCode()) && IN_PROGRESS.equals(answerB.resultCode()));
        return Outcome.pass();
    }

    // ---- query ----

    private static Outcome queryOne(CheckRun run) {
        String id = run.instance(MAIN).instanceId();
        QueryInstanceResponse answer = query(run, "queryInstance", id);
        requireAppInfo(answer, id, "queryInstance");
        return Outcome.pass();
    }

    private static Outcome queryList(CheckRun run) {
        String first = run.instance(MAIN).instanceId();
        String second = run.instance(SECOND).instanceId();
        QueryInstanceResponse answer = query(run, "queryInstance of two ids", first + "," + second);
        requireAppInfo(answer, first, "queryInstance of two ids");
        requireAppInfo(answer, second, "queryInstance of two ids");
        return Outcome.pass();
    }

    // ---- lifecycle ----

    private static Case refresh(String name, RefreshScene scene, MockOrder scenario) {
        return new Case(name, "refreshInstance scene " + scene + " answers 000000", run -> {
            Delivered main = run.instance(MAIN);
            PlacedOrder order = run.orders().place(scenario);
            boolean newProduct = scene == RefreshScene.RENEWAL_CHANGE || scene == RefreshScene.TRIAL_TO_FORMAL;
            ProductInfo product = scene == RefreshScene.RENEWAL_CHANGE ? run.orders().upgradedProduct()
                    : run.orders().product();
            run.platform().v2("refreshInstance " + scene, new RefreshInstanceRequest(scene, order.orderId(),
                    order.orderLineId(), main.instanceId(), newProduct ? product.productId() : null,
                    expireTime(run, scene), DEBUG)).expectAccepted(SUCCESS);
            return Outcome.pass();
        });
    }

    private static String expireTime(CheckRun run, RefreshScene scene) {
        LocalDateTime now = LocalDateTime.ofInstant(run.platform().now(), ZoneOffset.UTC);
        LocalDateTime expiry = switch (scene) {
            case RENEWAL, RENEWAL_CHANGE -> now.plusYears(2);
            case TRIAL_TO_FORMAL -> now.plusMonths(1);
            case UNSUBSCRIBE_RENEWAL_PERIOD -> now.plusYears(1);
        };
        return ProtocolTime.formatDateTime(expiry.toInstant(ZoneOffset.UTC));
    }

    private static Case status(String name, InstanceStatusChange change) {
        return new Case(name, "updateInstanceStatus " + change + " answers 000000", run -> {
            run.platform().v2("updateInstanceStatus " + change,
                    new UpdateInstanceStatusRequest(run.instance(MAIN).instanceId(), change, DEBUG)).expectAccepted(SUCCESS);
            return Outcome.pass();
        });
    }

    private static Outcome upgrade(CheckRun run) {
        PlacedOrder order = run.orders().place(MockOrder.MONTHLY_CHANGE);
        run.platform().v2("upgradeInstance", new UpgradeInstanceRequest(run.instance(MAIN).instanceId(),
                order.orderId(), order.orderLineId(), DEBUG)).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome changeCheck(CheckRun run) {
        SellerAnswer answer = run.platform().v2("changeInstanceCheck", new ChangeInstanceCheckRequest(
                run.instance(MAIN).instanceId(), run.orders().upgradedProduct(), DEBUG));
        String code = answer.resultCode();
        if (code.equals(AUTHENTICATION_FAILED) || code.equals(INVALID_PARAMETER)) {
            throw new CaseFailure("changeInstanceCheck answered " + answer.describe()
                    + ", expected 000000 or a refusal of the change");
        }
        if (code.equals(SUCCESS)) {
            answer.expectAccepted(SUCCESS);
            return Outcome.pass("the change is allowed (000000)");
        }
        return Outcome.pass("the seller refuses the change: " + answer.describe());
    }

    private static Outcome orderNotify(CheckRun run) {
        PlacedOrder order = run.orders().place(MockOrder.MONTHLY_RENEW);
        run.platform().v2("orderNotify", new OrderNotifyRequest(order.orderId(), order.orderLineId(), DEBUG))
                .expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    // ---- requests the seller must refuse ----

    private static Outcome rejectWrongSignature(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        PlacedOrder order = run.orders().place(MockOrder.PERIOD_DAY_TRIAL);
        String rejectedBusinessId = businessId();
        byte[] forged = ProtocolJson.writeBytes(
                new NewInstanceRequest(order.orderId(), order.orderLineId(), rejectedBusinessId, DEBUG));
        platform.v2("newInstance signed with another key", forged,
                platform.signWith(forged, platform.wrongKey(), platform.now()))
                .expectRejected(AUTHENTICATION_FAILED);

        SellerAnswer lookup = platform.v2("queryInstance of the rejected create's businessId",
                new QueryInstanceRequest(rejectedBusinessId, DEBUG));
        lookup.json();
        if (appInfoIn(lookup, rejectedBusinessId).isPresent()) {
            throw new CaseFailure("the rejected newInstance left instance " + rejectedBusinessId
                    + " behind: queryInstance answers its appInfo");
        }
        SellerAnswer valid = newInstance(run, "the valid newInstance after the rejected one", order, businessId());
        String instanceId = createdInstance(valid);
        if (instanceId.equals(rejectedBusinessId)) {
            throw new CaseFailure("the valid newInstance answered the rejected request's businessId " + instanceId
                    + " as its instance: the rejected create was stored");
        }
        awaitAppInfo(run, instanceId, IN_PROGRESS.equals(valid.resultCode()));
        run.delivered(THIRD, new Delivered(instanceId, order.orderId(), order.orderLineId()));
        return Outcome.pass();
    }

    private static Outcome rejectWrongSignatureRelease(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        String id = run.instance(SECOND).instanceId();
        byte[] forged = ProtocolJson.writeBytes(new ReleaseInstanceRequest(id, null, null, DEBUG));
        platform.v2("releaseInstance signed with another key", forged,
                platform.signWith(forged, platform.wrongKey(), platform.now()))
                .expectRejected(AUTHENTICATION_FAILED);
        requireStillThere(run, id, "the rejected releaseInstance");
        return Outcome.pass();
    }

    private static Outcome rejectMissingSignature(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        byte[] body = ProtocolJson.writeBytes(new QueryInstanceRequest(run.instance(MAIN).instanceId(), DEBUG));
        platform.v2("queryInstance without signature", body, platform.sign(body).withoutSignature())
                .expectRejected(AUTHENTICATION_FAILED);
        return Outcome.pass();
    }

    private static Outcome rejectStaleTimestamp(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        String id = run.instance(SECOND).instanceId();
        byte[] release = ProtocolJson.writeBytes(new ReleaseInstanceRequest(id, null, null, DEBUG));
        Instant past = platform.now().minus(STALE);
        platform.v2("releaseInstance signed 10 minutes ago", release, platform.signWith(release, platform.key(), past))
                .expectRejected(INVALID_PARAMETER);
        byte[] query = ProtocolJson.writeBytes(new QueryInstanceRequest(id, DEBUG));
        Instant future = platform.now().plus(STALE);
        platform.v2("queryInstance signed 10 minutes ahead", query, platform.signWith(query, platform.key(), future))
                .expectRejected(INVALID_PARAMETER);
        requireStillThere(run, id, "the rejected stale releaseInstance");
        return Outcome.pass();
    }

    private static Outcome rejectReplayedNonce(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        byte[] body = ProtocolJson.writeBytes(new QueryInstanceRequest(run.instance(MAIN).instanceId(), DEBUG));
        TimestampSignature once = platform.sign(body);
        platform.v2("the first queryInstance", body, once).expectAccepted(SUCCESS);
        platform.v2("the same signed queryInstance replayed", body, once).expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    private static Outcome rejectMissingField(CheckRun run) {
        PlacedOrder order = run.orders().place(MockOrder.ON_DEMAND_NEW);
        sendFields(run, "newInstance without orderLineId", fields -> {
            fields.put("activity", "newInstance");
            fields.put("orderId", order.orderId());
            fields.put("businessId", businessId());
            return fields;
        }).expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    private static Outcome rejectUnknownActivity(CheckRun run) {
        String id = run.instanceIfAny(MAIN).map(Delivered::instanceId).orElse(businessId());
        sendFields(run, "activity transferInstance", fields -> {
            fields.put("activity", "transferInstance");
            fields.put("instanceId", id);
            return fields;
        }).expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    private static Outcome rejectMalformedJson(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        String id = run.instanceIfAny(MAIN).map(Delivered::instanceId).orElse(businessId());
        byte[] body = ("{\"activity\":\"queryInstance\",\"instanceId\":\"" + id + "\",\"testFlag\":\"1\"")
                .getBytes(StandardCharsets.UTF_8);
        platform.v2("a body that is not JSON", body, platform.sign(body)).expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    // ---- release ----

    private static Outcome release(CheckRun run) {
        run.platform().v2("releaseInstance", new ReleaseInstanceRequest(run.instance(MAIN).instanceId(), null, null,
                DEBUG)).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome releaseAgain(CheckRun run) {
        run.platform().v2("the second releaseInstance", new ReleaseInstanceRequest(run.instance(MAIN).instanceId(),
                null, null, DEBUG)).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    // ---- shared steps ----

    private static SellerAnswer newInstance(CheckRun run, String request, PlacedOrder order, String businessId) {
        return run.platform().v2(request, new NewInstanceRequest(order.orderId(), order.orderLineId(), businessId, DEBUG));
    }

    private static String createdInstance(SellerAnswer answer) {
        return InstanceAnswers.created(answer).instanceId();
    }

    /** Polls queryInstance, as KooGallery does after a create, until the instance's appInfo has a frontEndUrl. */
    private static AppInfo awaitAppInfo(CheckRun run, String instanceId, boolean stillProvisioning) {
        try {
            return run.patience().await("appInfo with a frontEndUrl for instance " + instanceId, () -> InstanceAnswers
                    .provisioned(run.platform().v2("queryInstance", new QueryInstanceRequest(instanceId, DEBUG)),
                            instanceId, stillProvisioning));
        } catch (CaseFailure failure) {
            if (run.orders().inventsOrders()) {
                throw failure;
            }
            throw new CaseFailure(failure.getMessage() + " (without --open-api-port the order lines are the spec's"
                    + " MOCK ones, the same on every run: if an earlier run released this instance, check against fresh"
                    + " seller state or with --open-api-port)");
        }
    }

    private static QueryInstanceResponse query(CheckRun run, String request, String instanceIds) {
        SellerAnswer answer = run.platform().v2(request, new QueryInstanceRequest(instanceIds, DEBUG));
        answer.expectAccepted(SUCCESS);
        return answer.read(QueryInstanceResponse.class);
    }

    /** After a rejected request: the instance still answers its appInfo, at once. */
    private static void requireStillThere(CheckRun run, String instanceId, String rejected) {
        SellerAnswer answer = run.platform().v2("queryInstance after " + rejected, new QueryInstanceRequest(instanceId, DEBUG));
        if (!SUCCESS.equals(answer.resultCode()) || appInfoIn(answer, instanceId).isEmpty()) {
            throw new CaseFailure("after " + rejected + ", queryInstance of " + instanceId + " answered "
                    + answer.describe() + " without its appInfo: the rejected request was carried out");
        }
    }

    private static Optional<AppInfo> appInfoIn(SellerAnswer answer, String instanceId) {
        return appInfoOf(answer.read(QueryInstanceResponse.class), instanceId);
    }

    /** Sends a body built field by field (for bodies the request records refuse to build), signed now. */
    private static SellerAnswer sendFields(CheckRun run, String request, UnaryOperator<Map<String, String>> fields) {
        Map<String, String> body = fields.apply(new TreeMap<>());
        body.put("testFlag", DEBUG.code());
        byte[] bytes = ProtocolJson.writeBytes(body);
        return run.platform().v2(request, bytes, run.platform().sign(bytes));
    }

    /** A businessId as KooGallery makes them: a UUID, new on every request. */
    static String businessId() {
        return UUID.randomUUID().toString();
    }
}
