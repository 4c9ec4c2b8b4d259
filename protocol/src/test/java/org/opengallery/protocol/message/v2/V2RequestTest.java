package org.opengallery.protocol.message.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.UnknownActivityException;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.order.ProductInfo;

/** The V2 example bodies of protocol-v2.md §3, and the rules around them. */
class V2RequestTest {

    private static final String INSTANCE = "10e758d0-31ad-4c4b-8f1b-81d03469a10e";

    @Test
    void newInstanceExampleParses() {
        String body = "{\"activity\":\"newInstance\",\"businessId\":\"87b94795-0603-4e24-8ae5-69420d60e3c8\","
                + "\"orderId\":\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";
        V2Request request = V2Request.parse(body);
        assertThat(request).isEqualTo(new NewInstanceRequest("CS2211181819B4LVS", "CS2211181819B4LVS-000001",
                "87b94795-0603-4e24-8ae5-69420d60e3c8", TestFlag.DEBUG));
        assertThat(request.activity()).isEqualTo(V2Activity.NEW_INSTANCE);
        assertThat(request.isDebug()).isTrue();
        assertThat(ProtocolJson.write(request)).isEqualTo(body);
    }

    @Test
    void queryInstanceExampleParses() {
        String body = "{\"activity\":\"queryInstance\",\"instanceId\":\"" + INSTANCE + "\",\"testFlag\":\"0\"}";
        QueryInstanceRequest request = (QueryInstanceRequest) V2Request.parse(body);
        assertThat(request.instanceIds()).containsExactly(INSTANCE);
        assertThat(request.testFlag()).isEqualTo(TestFlag.PRODUCTION);
        assertThat(request.isDebug()).isFalse();
        assertThat(ProtocolJson.write(request)).isEqualTo(body);
    }

    @Test
    void queryInstanceSplitsCommaSeparatedIds() {
        QueryInstanceRequest request = (QueryInstanceRequest) V2Request.parse(
                "{\"activity\":\"queryInstance\",\"instanceId\":\"a, b,,c\"}");
        assertThat(request.instanceIds()).containsExactly("a", "b", "c");
        assertThat(QueryInstanceRequest.of(List.of("a", "b"), null).instanceId()).isEqualTo("a,b");
    }

    @Test
    void queryInstanceWith100IdsIsAccepted() {
        String ids = IntStream.rangeClosed(1, 100).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
        assertThat(new QueryInstanceRequest(ids, null).instanceIds()).hasSize(100);
    }

    @Test
    void queryInstanceWith101IdsIsRejected() {
        String ids = IntStream.rangeClosed(1, 101).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
        assertThatThrownBy(() -> V2Request.parse("{\"activity\":\"queryInstance\",\"instanceId\":\"" + ids + "\"}"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).contains("instanceId");
                    assertThat(e.getMessage()).contains("101", "100");
                });
        List<String> list = IntStream.rangeClosed(1, 101).mapToObj(i -> "id" + i).toList();
        assertThatThrownBy(() -> QueryInstanceRequest.of(list, null)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void refreshInstanceExampleWithSeventeenDigitExpireTimeParses() {
        String body = "{\"activity\":\"refreshInstance\",\"expireTime\":\"20221124023618256\",\"instanceId\":\"" + INSTANCE
                + "\",\"orderId\":\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\","
                + "\"productId\":\"OFFI461867333479178240\",\"scene\":\"RENEWAL\",\"testFlag\":\"1\"}";
        RefreshInstanceRequest request = (RefreshInstanceRequest) V2Request.parse(body);
        assertThat(request.scene()).isEqualTo(RefreshScene.RENEWAL);
        assertThat(request.instanceId()).isEqualTo(INSTANCE);
        assertThat(request.orderId()).isEqualTo("CS2211181819B4LVS");
        assertThat(request.orderLineId()).isEqualTo("CS2211181819B4LVS-000001");
        assertThat(request.productId()).isEqualTo("OFFI461867333479178240");
        assertThat(request.expireTime()).isEqualTo("20221124023618256");
        assertThat(request.expiry()).isEqualTo(Instant.parse("2022-11-24T02:36:18.256Z"));
        assertThat(ProtocolJson.write(request)).isEqualTo(body);
    }

    @Test
    void refreshInstanceAcceptsTheDocumentedFourteenDigitExpireTime() {
        RefreshInstanceRequest request = new RefreshInstanceRequest(RefreshScene.TRIAL_TO_FORMAL, "o", "o-1", "i", null,
                "20221124023618", null);
        assertThat(request.expiry()).isEqualTo(Instant.parse("2022-11-24T02:36:18Z"));
    }

    @Test
    void refreshInstanceWithAMalformedExpireTimeIsRejectedNamingTheField() {
        assertThatThrownBy(() -> V2Request.parse("{\"activity\":\"refreshInstance\",\"expireTime\":\"2022-11-24\","
                + "\"instanceId\":\"i\",\"orderId\":\"o\",\"orderLineId\":\"o-1\",\"scene\":\"RENEWAL\"}"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).contains("expireTime");
                    assertThat(e.getMessage()).contains("'2022-11-24'", "yyyyMMddHHmmss");
                });
    }

    @Test
    void refreshInstanceWithAnUnknownSceneIsRejectedNamingTheField() {
        assertThatThrownBy(() -> V2Request.parse("{\"activity\":\"refreshInstance\",\"expireTime\":\"20221124023618\","
                + "\"instanceId\":\"i\",\"orderId\":\"o\",\"orderLineId\":\"o-1\",\"scene\":\"RENEW\"}"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).contains("scene");
                    assertThat(e.getMessage()).contains("RENEW", "TRIAL_TO_FORMAL");
                });
    }

    @Test
    void refreshScenesAreTheFourDocumentedOnes() {
        assertThat(RefreshScene.values()).extracting(Enum::name)
                .containsExactly("TRIAL_TO_FORMAL", "RENEWAL", "UNSUBSCRIBE_RENEWAL_PERIOD", "RENEWAL_CHANGE");
    }

    @Test
    void updateInstanceStatusExampleParses() {
        String body = "{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"" + INSTANCE
                + "\",\"status\":\"FREEZE\",\"testFlag\":\"1\"}";
        assertThat(V2Request.parse(body))
                .isEqualTo(new UpdateInstanceStatusRequest(INSTANCE, InstanceStatusChange.FREEZE, TestFlag.DEBUG));
        assertThat(ProtocolJson.write(V2Request.parse(body))).isEqualTo(body);
    }

    @Test
    void updateInstanceStatusUnfreezes() {
        UpdateInstanceStatusRequest request = (UpdateInstanceStatusRequest) V2Request.parse(
                "{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"i\",\"status\":\"UNFREEZE\"}");
        assertThat(request.status()).isEqualTo(InstanceStatusChange.UNFREEZE);
        assertThat(request.testFlag()).isNull();
        assertThat(request.isDebug()).isFalse();
    }

    @Test
    void releaseInstanceExampleParses() {
        String body = "{\"activity\":\"releaseInstance\",\"instanceId\":\"" + INSTANCE + "\",\"orderId\":\"CS2211181819B4LVS\","
                + "\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";
        assertThat(V2Request.parse(body)).isEqualTo(new ReleaseInstanceRequest(INSTANCE, "CS2211181819B4LVS",
                "CS2211181819B4LVS-000001", TestFlag.DEBUG));
        assertThat(ProtocolJson.write(V2Request.parse(body))).isEqualTo(body);
    }

    @Test
    void releaseInstanceNeedsOnlyTheInstanceId() {
        assertThat(V2Request.parse("{\"activity\":\"releaseInstance\",\"instanceId\":\"i\"}"))
                .isEqualTo(new ReleaseInstanceRequest("i", null, null, null));
    }

    @Test
    void upgradeInstanceExampleParses() {
        String body = "{\"activity\":\"upgradeInstance\",\"instanceId\":\"" + INSTANCE + "\",\"orderId\":\"CS2211181819B4LVS\","
                + "\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";
        assertThat(V2Request.parse(body)).isEqualTo(new UpgradeInstanceRequest(INSTANCE, "CS2211181819B4LVS",
                "CS2211181819B4LVS-000001", TestFlag.DEBUG));
        assertThat(ProtocolJson.write(V2Request.parse(body))).isEqualTo(body);
    }

    @Test
    void changeInstanceCheckExampleCopiedFromUpgradeParsesWithTheOrderIdsAsUnknownFields() {
        String body = "{\"activity\":\"changeInstanceCheck\",\"instanceId\":\"" + INSTANCE + "\",\"orderId\":\"CS2211181819B4LVS\","
                + "\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";
        ChangeInstanceCheckRequest request = (ChangeInstanceCheckRequest) V2Request.parse(body);
        assertThat(request.productInfo()).isNull();
        assertThat(request.extra()).containsOnlyKeys("orderId", "orderLineId");
        // unknown fields are written after the known ones
        assertThat(ProtocolJson.tree(request)).isEqualTo(ProtocolJson.read(body, JsonNode.class));
    }

    @Test
    void changeInstanceCheckCarriesTheTargetProductInfo() {
        String body = "{\"activity\":\"changeInstanceCheck\",\"instanceId\":\"i\","
                + "\"productInfo\":{\"linearValue\":20,\"productId\":\"OFFI1\",\"skuCode\":\"sku\"},\"testFlag\":\"1\"}";
        ChangeInstanceCheckRequest request = (ChangeInstanceCheckRequest) V2Request.parse(body);
        assertThat(request.productInfo()).isEqualTo(new ProductInfo("OFFI1", "sku", new BigDecimal("20")));
        assertThat(ProtocolJson.write(request)).isEqualTo(body);
    }

    @Test
    void orderNotifyParses() {
        String body = "{\"activity\":\"orderNotify\",\"orderId\":\"CS2211181819B4LVS\","
                + "\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"0\"}";
        assertThat(V2Request.parse(body))
                .isEqualTo(new OrderNotifyRequest("CS2211181819B4LVS", "CS2211181819B4LVS-000001", TestFlag.PRODUCTION));
    }

    @Test
    void anUnknownActivityIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> V2Request.parse("{\"activity\":\"expireInstance\",\"instanceId\":\"i\"}"))
                .isInstanceOfSatisfying(UnknownActivityException.class, e -> {
                    assertThat(e.activity()).isEqualTo("expireInstance");
                    assertThat(e.knownActivities()).contains("newInstance", "changeInstanceCheck", "orderNotify");
                    assertThat(e.field()).contains("activity");
                    assertThat(e.getMessage()).contains("unknown V2 activity 'expireInstance'");
                    assertThat(e.resultCode()).isEqualTo("000002");
                });
    }

    @Test
    void anUnknownActivityIsReportedAlsoThroughTheGenericReader() {
        assertThatThrownBy(() -> ProtocolJson.read("{\"activity\":\"nope\"}", V2Request.class))
                .isInstanceOf(UnknownActivityException.class);
    }

    @Test
    void aMissingActivityIsReportedByName() {
        assertThatThrownBy(() -> V2Request.parse("{\"instanceId\":\"i\"}"))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("activity"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> V2Request.parse("[1]")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> V2Request.parse("")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> V2Request.parse("{")).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aMissingMandatoryFieldIsReportedByName() {
        assertThatThrownBy(() -> V2Request.parse("{\"activity\":\"upgradeInstance\",\"instanceId\":\"i\",\"orderId\":\"o\"}"))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("orderLineId"));
        assertThatThrownBy(() -> V2Request.parse("{\"activity\":\"newInstance\",\"orderId\":\"\",\"orderLineId\":\"l\",\"businessId\":\"b\"}"))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("orderId"));
    }

    @Test
    void testFlagAcceptsOneZeroAndAbsent() {
        String base = "{\"activity\":\"releaseInstance\",\"instanceId\":\"i\"";
        assertThat(V2Request.parse(base + ",\"testFlag\":\"1\"}").testFlag()).isEqualTo(TestFlag.DEBUG);
        assertThat(V2Request.parse(base + ",\"testFlag\":\"0\"}").testFlag()).isEqualTo(TestFlag.PRODUCTION);
        assertThat(V2Request.parse(base + "}").testFlag()).isNull();
        assertThat(V2Request.parse(base + ",\"testFlag\":1}").testFlag()).isEqualTo(TestFlag.DEBUG);
        assertThatThrownBy(() -> V2Request.parse(base + ",\"testFlag\":\"2\"}"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).contains("testFlag"));
    }

    @Test
    void everyActivityMapsToItsRecordAndBack() {
        for (V2Activity activity : V2Activity.values()) {
            assertThat(V2Activity.of(activity.code())).isSameAs(activity);
            assertThat(activity.requestType().getSimpleName()).isNotBlank();
        }
        assertThat(V2Activity.values()).extracting(V2Activity::code).containsExactly("newInstance", "queryInstance",
                "refreshInstance", "updateInstanceStatus", "releaseInstance", "upgradeInstance", "changeInstanceCheck",
                "orderNotify");
    }

    @Test
    void aSellerDispatchesOnTheActivity() {
        V2Request request = V2Request.parse("{\"activity\":\"releaseInstance\",\"instanceId\":\"i\"}");
        String handled = switch (request.activity()) {
            case NEW_INSTANCE, QUERY_INSTANCE, REFRESH_INSTANCE, UPDATE_INSTANCE_STATUS, UPGRADE_INSTANCE,
                    CHANGE_INSTANCE_CHECK, ORDER_NOTIFY -> "other";
            case RELEASE_INSTANCE -> "release " + ((ReleaseInstanceRequest) request).instanceId();
        };
        assertThat(handled).isEqualTo("release i");
    }

    @Test
    void bytesParseExactlyAsTextDoesWhateverTheBody() {
        List<String> bodies = List.of(
                "{\"activity\":\"newInstance\",\"businessId\":\"b\",\"orderId\":\"o\",\"orderLineId\":\"l\"}",
                " {\"activity\":\"refreshInstance\",\"expireTime\":\"20301124023618\",\"instanceId\":\"i\","
                        + "\"orderId\":\"o\",\"orderLineId\":\"l\",\"scene\":\"RENEWAL\",\"price\":1.10,\"n\":[1,{\"a\":null}]}",
                "{\"activity\":\"queryInstance\",\"instanceId\":\"a\",\"instanceId\":\"b\"}",
                "{\"activity\":\"queryInstance\",\"activity\":\"releaseInstance\",\"instanceId\":\"a\"}",
                "[\"queryInstance\",{\"instanceId\":\"a\"}]",
                "{\"instanceId\":\"a\"}",
                "{\"activity\":null,\"instanceId\":\"a\"}",
                "{\"activity\":\"\",\"instanceId\":\"a\"}",
                "{\"activity\":\"noSuchThing\",\"instanceId\":\"a\"}",
                "{\"activity\":\"releaseInstance\"}",
                "{\"activity\":\"queryInstance\",\"instanceId\":\"a\"} trailing",
                "{\"activity\":\"queryInstance\",",
                "");
        for (String body : bodies) {
            Object fromText = outcome(() -> V2Request.parse(body));
            Object fromBytes = outcome(() -> V2Request.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(fromBytes).as(body).isEqualTo(fromText);
        }
    }

    /** The parsed request, or the failure's class and message. */
    private static Object outcome(java.util.function.Supplier<V2Request> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
