package org.opengallery.protocol.message.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.ExtendParam;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.UnknownActivityException;
import org.opengallery.protocol.message.instance.InstanceStatusChange;

/** V1 parameters (protocol-v1.md §5–6) read into typed views. */
class V1RequestTest {

    private static Map<String, String> common(String activity) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("activity", activity);
        parameters.put("timeStamp", "20220413093539534");
        parameters.put("authToken", "b2ZmaWNpYWw+dG9rZW4=");
        parameters.put("testFlag", "1");
        return parameters;
    }

    @Test
    void newInstanceParametersBecomeTheTypedView() {
        Map<String, String> parameters = common("newInstance");
        parameters.putAll(Map.of("businessId", "b-1", "orderId", "CS1", "customerId", "c-1", "productId", "OFFI1",
                "skuCode", "sku", "expireTime", "20230101000000", "periodType", "month", "periodNumber", "1",
                "trialFlag", "1", "mobilePhone", "1234567890abcdefAbC+/w=="));
        parameters.put("platformNewParam", "kept");
        V1NewInstanceRequest request = V1NewInstanceRequest.from(parameters);
        assertThat(request.businessId()).isEqualTo("b-1");
        assertThat(request.customerId()).isEqualTo("c-1");
        assertThat(request.productId()).isEqualTo("OFFI1");
        assertThat(request.mobilePhone()).isEqualTo("1234567890abcdefAbC+/w==");
        assertThat(request.expiry()).contains(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(request.isTrial()).isTrue();
        assertThat(request.isDebug()).isTrue();
        assertThat(request.sentAt()).contains(Instant.parse("2022-04-13T09:35:39.534Z"));
        assertThat(request.extra()).containsOnlyKeys("platformNewParam");
        assertThat(request.parameters()).isEqualTo(parameters);
        assertThat(V1Request.from(parameters)).isEqualTo(request);
    }

    @Test
    void aMissingMandatoryParameterIsReportedByName() {
        Map<String, String> parameters = common("newInstance");
        parameters.putAll(Map.of("businessId", "b-1", "orderId", "CS1", "productId", "OFFI1"));
        assertThatThrownBy(() -> V1NewInstanceRequest.from(parameters))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("customerId"));
    }

    @Test
    void aMissingActivityIsReportedByName() {
        assertThatThrownBy(() -> V1Request.from(Map.of("instanceId", "i")))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("activity"));
    }

    @Test
    void aV2ActivityIsUnknownInV1() {
        assertThatThrownBy(() -> V1Request.from(Map.of("activity", "updateInstanceStatus", "instanceId", "i")))
                .isInstanceOfSatisfying(UnknownActivityException.class, e -> {
                    assertThat(e.getMessage()).contains("unknown V1 activity 'updateInstanceStatus'");
                    assertThat(e.knownActivities()).containsExactly("newInstance", "refreshInstance", "expireInstance",
                            "releaseInstance", "upgrade", "instanceStatus", "queryInstance", "getLicense");
                });
    }

    @Test
    void parametersOfAnotherActivityAreRejectedByASpecificView() {
        assertThatThrownBy(() -> V1ExpireInstanceRequest.from(Map.of("activity", "releaseInstance", "instanceId", "i")))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).contains("activity"));
    }

    @Test
    void refreshInstanceReadsTheNewExpiry() {
        Map<String, String> parameters = common("refreshInstance");
        parameters.putAll(Map.of("instanceId", "i", "orderId", "CS2", "expireTime", "20240101000000000"));
        V1RefreshInstanceRequest request = V1RefreshInstanceRequest.from(parameters);
        assertThat(request.expiry()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        Map<String, String> noExpiry = common("refreshInstance");
        noExpiry.putAll(Map.of("instanceId", "i", "orderId", "CS2"));
        assertThatThrownBy(() -> V1Request.from(noExpiry))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("expireTime"));
    }

    @Test
    void expireReleaseAndUpgradeParse() {
        Map<String, String> expire = common("expireInstance");
        expire.put("instanceId", "i");
        assertThat(V1Request.from(expire)).isInstanceOf(V1ExpireInstanceRequest.class);

        Map<String, String> release = common("releaseInstance");
        release.putAll(Map.of("instanceId", "i", "orderAmount", "0"));
        assertThat(((V1ReleaseInstanceRequest) V1Request.from(release)).orderAmount()).isEqualTo("0");

        Map<String, String> upgrade = common("upgrade");
        upgrade.putAll(Map.of("instanceId", "i", "orderId", "CS3", "skuCode", "sku2", "amount", "10"));
        V1UpgradeRequest request = (V1UpgradeRequest) V1Request.from(upgrade);
        assertThat(request.activity()).isEqualTo(V1Activity.UPGRADE);
        assertThat(request.amount()).isEqualTo("10");
    }

    @Test
    void instanceStatusAcceptsFreezeUnfreezeAndFrozenNormal() {
        for (Map.Entry<String, InstanceStatusChange> value : Map.of("FREEZE", InstanceStatusChange.FREEZE,
                "UNFREEZE", InstanceStatusChange.UNFREEZE, "FROZEN", InstanceStatusChange.FREEZE,
                "NORMAL", InstanceStatusChange.UNFREEZE).entrySet()) {
            Map<String, String> parameters = common("instanceStatus");
            parameters.putAll(Map.of("instanceId", "i", "instanceStatus", value.getKey()));
            assertThat(V1InstanceStatusRequest.from(parameters).instanceStatus()).isEqualTo(value.getValue());
        }
        Map<String, String> bad = common("instanceStatus");
        bad.putAll(Map.of("instanceId", "i", "instanceStatus", "GONE"));
        assertThatThrownBy(() -> V1InstanceStatusRequest.from(bad))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).contains("instanceStatus"));
    }

    @Test
    void queryInstanceSplitsIdsAndRejects101() {
        Map<String, String> parameters = common("queryInstance");
        parameters.put("instanceId", "a,b");
        assertThat(V1QueryInstanceRequest.from(parameters).instanceIds()).containsExactly("a", "b");
        parameters.put("instanceId", "x,".repeat(101));
        assertThatThrownBy(() -> V1QueryInstanceRequest.from(parameters)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void getLicenseParsesAndIsAnsweredWithTheLicence() {
        Map<String, String> parameters = common("getLicense");
        parameters.putAll(Map.of("customerId", "c-1", "businessId", "b-1", "orderId", "CS4", "productId", "OFFI4"));
        V1GetLicenseRequest request = V1GetLicenseRequest.from(parameters);
        assertThat(request.orderId()).isEqualTo("CS4");
        assertThat(request.expiry()).isEmpty();
        assertThat(ProtocolJson.write(LicenseResponse.issued("LIC-123")))
                .isEqualTo("{\"license\":\"LIC-123\",\"resultCode\":\"000000\",\"resultMsg\":\"success\"}");
        LicenseResponse read = ProtocolJson.read("{\"resultCode\":\"000000\",\"resultMsg\":\"ok\",\"license\":\"L\"}",
                LicenseResponse.class);
        assertThat(read.license()).isEqualTo("L");
        assertThat(LicenseResponse.failed(ResultCode.Known.INTERNAL_ERROR, "x").license()).isNull();
    }

    @Test
    void saasExtendParamsDecodeFromBase64Json() {
        String json = "[{\"name\":\"platformParams\",\"value\":\"{\\\"tenantId\\\":\\\"t1\\\"}\"},"
                + "{\"name\":\"emailDomainName\",\"value\":\"example.com\"}]";
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        Map<String, String> parameters = common("newInstance");
        parameters.putAll(Map.of("businessId", "b", "orderId", "o", "customerId", "c", "productId", "p",
                "saasExtendParams", base64));
        SaasExtendParams params = V1NewInstanceRequest.from(parameters).extendParams();
        assertThat(params.params()).hasSize(2);
        assertThat(params.value("platformParams")).contains("{\"tenantId\":\"t1\"}");
        assertThat(params.value("emailDomainName")).contains("example.com");
        assertThat(params.value("missing")).isEmpty();
        assertThat(SaasExtendParams.decode(params.encode())).isEqualTo(params);
    }

    @Test
    void saasExtendParamsForgiveSpacesForPlusAndObjectValues() {
        String json = "[{\"name\":\"o\",\"value\":{\"k\":\"~~~\"}}]";
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertThat(base64).contains("+");
        SaasExtendParams params = SaasExtendParams.decode(base64.replace('+', ' ').replace("=", ""));
        assertThat(params.params()).containsExactly(new ExtendParam("o",
                ProtocolJson.read("{\"k\":\"~~~\"}", com.fasterxml.jackson.databind.JsonNode.class), Map.of()));
        assertThat(params.value("o")).contains("{\"k\":\"~~~\"}");
        assertThat(SaasExtendParams.decode(null).params()).isEmpty();
    }

    @Test
    void malformedSaasExtendParamsAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> SaasExtendParams.decode("!!!"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).contains("saasExtendParams"));
        String notArray = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SaasExtendParams.decode(notArray))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).contains("saasExtendParams"));
    }

    @Test
    void thePostFormReadsTheSameParametersFromJson() {
        V1Request request = V1Request.fromJson("{\"activity\":\"expireInstance\",\"instanceId\":\"i\",\"orderId\":\"o\","
                + "\"testFlag\":\"0\",\"timeStamp\":\"20220413093539534\",\"n\":5}");
        assertThat(request).isInstanceOf(V1ExpireInstanceRequest.class);
        assertThat(request.testFlag()).isEqualTo(TestFlag.PRODUCTION);
        assertThat(request.parameters()).containsEntry("n", "5").containsEntry("activity", "expireInstance");
    }

    @Test
    void aSenderBuildsTheParametersBeforeSigning() {
        V1ExpireInstanceRequest request = new V1ExpireInstanceRequest("i", "o", TestFlag.DEBUG, "20220413093539534", null,
                Map.of());
        assertThat(request.parameters()).containsExactly(Map.entry("activity", "expireInstance"),
                Map.entry("instanceId", "i"), Map.entry("orderId", "o"), Map.entry("testFlag", "1"),
                Map.entry("timeStamp", "20220413093539534"));
        assertThat(List.copyOf(request.parameters().keySet())).isSorted();
    }
}
