package org.opengallery.conformance;

import static org.opengallery.conformance.InstanceAnswers.AUTHENTICATION_FAILED;
import static org.opengallery.conformance.InstanceAnswers.INVALID_PARAMETER;
import static org.opengallery.conformance.InstanceAnswers.IN_PROGRESS;
import static org.opengallery.conformance.InstanceAnswers.SUCCESS;
import static org.opengallery.conformance.InstanceAnswers.appInfoOf;
import static org.opengallery.conformance.InstanceAnswers.requireAppInfo;
import static org.opengallery.conformance.InstanceRole.MAIN;
import static org.opengallery.conformance.InstanceRole.SECOND;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opengallery.conformance.CheckRun.CredentialsSeen;
import org.opengallery.conformance.CheckRun.Delivered;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.ProductInfo;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v1.BodySign;

/**
 * The V1 cases: KooGallery calls with GET, the parameters in the query and an {@code authToken} under the
 * seller's Key; the seller answers JSON with a {@code Body-Sign} header and, in {@code appInfo}, {@code
 * userName}/{@code password} encrypted with that Key under the answer's {@code encryptType}. The order travels
 * in the newInstance request itself (V1 has no Query Order), so order ids are always fresh. Two cases judge
 * every answer of the run at the end: {@code v1-credentials-decrypt} and {@code v1-body-sign}.
 */
final class V1Cases {

    private V1Cases() {
    }

    static List<Case> cases() {
        return List.of(
                new Case("v1-create", "newInstance answers 000000 (or 000004) with an instanceId; its appInfo, or"
                        + " queryInstance's, has a frontEndUrl", V1Cases::create),
                new Case("v1-create-again-same-instance", "newInstance again for the same orderId (a new businessId)"
                        + " answers the same instanceId", V1Cases::createAgain),
                new Case("v1-create-concurrent-one-instance", "two newInstance for one fresh orderId at the same"
                        + " moment answer one and the same instanceId", V1Cases::createConcurrently),
                new Case("v1-query-one", "queryInstance with one id answers 000000 and its appInfo", V1Cases::queryOne),
                new Case("v1-query-list", "queryInstance with two comma-separated ids answers appInfo for each",
                        V1Cases::queryList),
                new Case("v1-refresh", "refreshInstance (renewal) answers 000000", V1Cases::refresh),
                new Case("v1-expire", "expireInstance answers 000000", V1Cases::expire),
                new Case("v1-instance-status", "instanceStatus FREEZE then UNFREEZE answer 000000",
                        V1Cases::instanceStatus),
                new Case("v1-upgrade", "upgrade answers 000000", V1Cases::upgrade),
                new Case("v1-reject-wrong-token", "releaseInstance with an authToken under another key answers 000001"
                        + " and the instance keeps answering its appInfo", V1Cases::rejectWrongToken),
                new Case("v1-reject-missing-token", "queryInstance without authToken answers 000001",
                        V1Cases::rejectMissingToken),
                new Case("v1-reject-missing-field", "newInstance without customerId answers 000002",
                        V1Cases::rejectMissingField),
                new Case("v1-reject-unknown-activity", "an activity the protocol does not define answers 000002",
                        V1Cases::rejectUnknownActivity),
                new Case("v1-release", "releaseInstance answers 000000", V1Cases::release),
                new Case("v1-release-again", "releaseInstance of the released instance answers 000000 again",
                        V1Cases::releaseAgain),
                new Case("v1-credentials-decrypt", "every userName/password in this run's answers decrypts with the"
                        + " Key under the answer's encryptType (1 when absent) and fits 128 characters",
                        V1Cases::credentialsDecrypt),
                new Case("v1-body-sign", "every answer of this run, refusals included, carries a Body-Sign header"
                        + " that verifies over the exact body bytes", V1Cases::bodySign));
    }

    static void releaseLeftovers(CheckRun run) {
        run.instanceIfAny(SECOND).ifPresent(instance -> {
            try {
                run.platform().v1("cleanup releaseInstance", activity("releaseInstance", instance.instanceId()));
            } catch (RuntimeException ignored) {
                // best effort: the cases are over
            }
        });
    }

    // ---- create ----

    private static Outcome create(CheckRun run) {
        String orderId = OrderBook.freshOrderId(run.platform().now());
        SellerAnswer answer = run.platform().v1("newInstance", newInstance(run, orderId));
        String instanceId = createdInstance(run, answer);
        awaitAppInfo(run, instanceId, IN_PROGRESS.equals(answer.resultCode()));
        run.delivered(MAIN, new Delivered(instanceId, orderId, null));
        return IN_PROGRESS.equals(answer.resultCode()) ? Outcome.pass("provisioned asynchronously (000004)") : Outcome.pass();
    }

    private static Outcome createAgain(CheckRun run) {
        Delivered main = run.instance(MAIN);
        String instanceId = createdInstance(run, run.platform().v1("the retried newInstance", newInstance(run, main.orderId())));
        if (!instanceId.equals(main.instanceId())) {
            throw new CaseFailure("the retried newInstance for order " + main.orderId() + " answered instance "
                    + instanceId + ", the first one " + main.instanceId() + ": a retry created a second instance");
        }
        return Outcome.pass();
    }

    private static Outcome createConcurrently(CheckRun run) {
        String orderId = OrderBook.freshOrderId(run.platform().now());
        KooGalleryCaller platform = run.platform();
        CompletableFuture<SellerAnswer> a = platform.v1Async("the first concurrent newInstance",
                newInstance(run, orderId), platform.key());
        CompletableFuture<SellerAnswer> b = platform.v1Async("the second concurrent newInstance",
                newInstance(run, orderId), platform.key());
        SellerAnswer answerA = KooGalleryCaller.await(a);
        SellerAnswer answerB = KooGalleryCaller.await(b);
        String idA = createdInstance(run, answerA);
        String idB = createdInstance(run, answerB);
        run.delivered(SECOND, new Delivered(idA, orderId, null));
        if (!idA.equals(idB)) {
            throw new CaseFailure("two concurrent newInstance for order " + orderId + " answered two instances, "
                    + idA + " and " + idB);
        }
        awaitAppInfo(run, idA, IN_PROGRESS.equals(answerA.resultCode()) && IN_PROGRESS.equals(answerB.resultCode()));
        return Outcome.pass();
    }

    // ---- query ----

    private static Outcome queryOne(CheckRun run) {
        String id = run.instance(MAIN).instanceId();
        requireAppInfo(query(run, "queryInstance", id), id, "queryInstance");
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

    private static Outcome refresh(CheckRun run) {
        Map<String, String> parameters = activity("refreshInstance", run.instance(MAIN).instanceId());
        ProductInfo product = run.orders().product();
        parameters.put("orderId", OrderBook.freshOrderId(run.platform().now()));
        parameters.put("productId", product.productId());
        parameters.put("expireTime", inYears(run, 2));
        parameters.put("periodType", "year");
        parameters.put("periodNumber", "1");
        parameters.put("orderAmount", "1200.00");
        run.platform().v1("refreshInstance", parameters).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome expire(CheckRun run) {
        Delivered main = run.instance(MAIN);
        Map<String, String> parameters = activity("expireInstance", main.instanceId());
        parameters.put("orderId", main.orderId());
        run.platform().v1("expireInstance", parameters).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome instanceStatus(CheckRun run) {
        String id = run.instance(MAIN).instanceId();
        for (String status : List.of("FREEZE", "UNFREEZE")) {
            Map<String, String> parameters = activity("instanceStatus", id);
            parameters.put("instanceStatus", status);
            run.platform().v1("instanceStatus " + status, parameters).expectAccepted(SUCCESS);
        }
        return Outcome.pass();
    }

    private static Outcome upgrade(CheckRun run) {
        Map<String, String> parameters = activity("upgrade", run.instance(MAIN).instanceId());
        ProductInfo product = run.orders().upgradedProduct();
        parameters.put("orderId", OrderBook.freshOrderId(run.platform().now()));
        parameters.put("productId", product.productId());
        parameters.put("skuCode", product.skuCode());
        parameters.put("amount", product.linearValue().toPlainString());
        run.platform().v1("upgrade", parameters).expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    // ---- requests the seller must refuse ----

    private static Outcome rejectWrongToken(CheckRun run) {
        KooGalleryCaller platform = run.platform();
        String id = run.instance(SECOND).instanceId();
        platform.v1("releaseInstance with an authToken under another key", activity("releaseInstance", id),
                platform.wrongKey()).expectRejected(AUTHENTICATION_FAILED);
        SellerAnswer after = platform.v1("queryInstance after the rejected releaseInstance", activity("queryInstance", id));
        if (!SUCCESS.equals(after.resultCode()) || appInfoOf(after.read(QueryInstanceResponse.class), id).isEmpty()) {
            throw new CaseFailure("after the rejected releaseInstance, queryInstance of " + id + " answered "
                    + after.describe() + " without its appInfo: the rejected request was carried out");
        }
        return Outcome.pass();
    }

    private static Outcome rejectMissingToken(CheckRun run) {
        run.platform().v1("queryInstance without authToken", activity("queryInstance", run.instance(MAIN).instanceId()),
                null).expectRejected(AUTHENTICATION_FAILED);
        return Outcome.pass();
    }

    private static Outcome rejectMissingField(CheckRun run) {
        Map<String, String> parameters = newInstance(run, OrderBook.freshOrderId(run.platform().now()));
        parameters.remove("customerId");
        run.platform().v1("newInstance without customerId", parameters).expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    private static Outcome rejectUnknownActivity(CheckRun run) {
        String id = run.instanceIfAny(MAIN).map(Delivered::instanceId).orElse(V2Cases.businessId());
        run.platform().v1("activity transferInstance", activity("transferInstance", id))
                .expectRejected(INVALID_PARAMETER);
        return Outcome.pass();
    }

    // ---- release ----

    private static Outcome release(CheckRun run) {
        run.platform().v1("releaseInstance", activity("releaseInstance", run.instance(MAIN).instanceId()))
                .expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    private static Outcome releaseAgain(CheckRun run) {
        run.platform().v1("the second releaseInstance", activity("releaseInstance", run.instance(MAIN).instanceId()))
                .expectAccepted(SUCCESS);
        return Outcome.pass();
    }

    // ---- judging the whole run ----

    private static Outcome credentialsDecrypt(CheckRun run) {
        List<CredentialsSeen> seen = run.v1Credentials();
        int checked = 0;
        for (CredentialsSeen answer : seen) {
            EncryptType type;
            try {
                type = EncryptType.fromCodeOrDefault(answer.encryptType());
            } catch (ProtocolException e) {
                throw new CaseFailure(answer.answer() + ": " + e.getMessage());
            }
            CredentialCipher cipher = CredentialCipher.forSellerKey(run.settings().accessKey(), type);
            checked += decrypts(cipher, answer, "userName", answer.appInfo().userName());
            checked += decrypts(cipher, answer, "password", answer.appInfo().password());
        }
        if (checked == 0) {
            return Outcome.skip(seen.isEmpty() ? "no answer carried an appInfo"
                    : "no appInfo carried a userName or password");
        }
        return Outcome.pass();
    }

    private static int decrypts(CredentialCipher cipher, CredentialsSeen answer, String field, String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        String where = "appInfo." + field + " in " + answer.answer() + " (encryptType "
                + (answer.encryptType() == null ? "absent, so 1" : answer.encryptType()) + ")";
        try {
            CredentialCipher.requireFitsCredentialField(value);
            cipher.decrypt(value);
        } catch (ProtocolException e) {
            throw new CaseFailure(where + " does not decrypt with the Key: " + e.getMessage());
        }
        return 1;
    }

    private static Outcome bodySign(CheckRun run) {
        List<SellerAnswer> answers = run.platform().v1Answers();
        if (answers.isEmpty()) {
            return Outcome.skip("no V1 answer to judge");
        }
        List<String> problems = new ArrayList<>();
        for (SellerAnswer answer : answers) {
            Optional<String> header = answer.header(BodySign.HEADER);
            try {
                BodySign.verify(run.settings().accessKey(), answer.body(), header.orElse(null));
            } catch (ProtocolException e) {
                problems.add(answer.request() + " (" + (header.isEmpty() ? "no Body-Sign header" : e.getMessage()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseFailure(problems.size() + " of " + answers.size() + " answers lack a valid Body-Sign: "
                    + String.join(", ", problems.subList(0, Math.min(3, problems.size())))
                    + (problems.size() > 3 ? ", ..." : ""));
        }
        return Outcome.pass();
    }

    // ---- shared steps ----

    /** The parameters of a V1 newInstance: the whole order, as V1 pushes it. */
    private static Map<String, String> newInstance(CheckRun run, String orderId) {
        ProductInfo product = run.orders().product();
        BuyerInfo buyer = run.orders().buyer();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("activity", "newInstance");
        parameters.put("businessId", V2Cases.businessId());
        parameters.put("orderId", orderId);
        parameters.put("customerId", buyer.customerId());
        parameters.put("customerName", buyer.customerName());
        parameters.put("userId", buyer.userId());
        parameters.put("userName", buyer.userName());
        parameters.put("productId", product.productId());
        parameters.put("skuCode", product.skuCode());
        parameters.put("expireTime", inYears(run, 1));
        parameters.put("periodType", "year");
        parameters.put("periodNumber", "1");
        parameters.put("orderAmount", "1200.00");
        parameters.put("trialFlag", "0");
        parameters.put("testFlag", "1");
        return parameters;
    }

    private static Map<String, String> activity(String activity, String instanceId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("activity", activity);
        parameters.put("instanceId", instanceId);
        parameters.put("testFlag", "1");
        return parameters;
    }

    private static String inYears(CheckRun run, int years) {
        return ProtocolTime.formatDateTime(LocalDateTime.ofInstant(run.platform().now(), ZoneOffset.UTC)
                .plusYears(years).toInstant(ZoneOffset.UTC));
    }

    private static String createdInstance(CheckRun run, SellerAnswer answer) {
        NewInstanceResponse created = InstanceAnswers.created(answer);
        if (created.appInfo() != null) {
            run.sawV1Credentials(new CredentialsSeen(answer.request() + " answer", created.encryptType(), created.appInfo()));
        }
        return created.instanceId();
    }

    private static QueryInstanceResponse query(CheckRun run, String request, String instanceIds) {
        SellerAnswer answer = run.platform().v1(request, activity("queryInstance", instanceIds));
        answer.expectAccepted(SUCCESS);
        return seen(run, answer);
    }

    /** Reads a queryInstance answer and keeps its credentials for {@code v1-credentials-decrypt}. */
    private static QueryInstanceResponse seen(CheckRun run, SellerAnswer answer) {
        QueryInstanceResponse response = answer.read(QueryInstanceResponse.class);
        for (InstanceInfo info : response.info() == null ? List.<InstanceInfo>of() : response.info()) {
            if (info != null && info.appInfo() != null) {
                run.sawV1Credentials(new CredentialsSeen(answer.request() + " answer", response.encryptType(), info.appInfo()));
            }
        }
        return response;
    }

    private static void awaitAppInfo(CheckRun run, String instanceId, boolean stillProvisioning) {
        run.patience().await("appInfo with a frontEndUrl for instance " + instanceId, () -> {
            SellerAnswer answer = run.platform().v1("queryInstance", activity("queryInstance", instanceId));
            if (InstanceAnswers.SUCCESS.equals(answer.resultCode())) {
                seen(run, answer);
            }
            return InstanceAnswers.provisioned(answer, instanceId, stillProvisioning);
        });
    }
}
