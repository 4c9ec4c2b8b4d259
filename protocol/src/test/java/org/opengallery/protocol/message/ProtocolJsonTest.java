package org.opengallery.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.v2.NewInstanceRequest;

class ProtocolJsonTest {

    @Test
    void unknownFieldsSurviveAParseWriteRoundTrip() {
        String json = "{\"activity\":\"newInstance\",\"businessId\":\"b\",\"orderId\":\"o\",\"orderLineId\":\"o-1\","
                + "\"nested\":{\"a\":[1,2.50,null,true]},\"newFlag\":\"x\",\"price\":12.3400}";
        NewInstanceRequest request = ProtocolJson.read(json, NewInstanceRequest.class);
        assertThat(request.extra()).containsOnlyKeys("newFlag", "nested", "price");
        assertThat(request.extra().get("price")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(ProtocolJson.write(request)).isEqualTo(json);
    }

    @Test
    void unknownFieldsSurviveInNestedStructures() {
        String json = "{\"info\":[{\"appInfo\":{\"frontEndUrl\":\"https://a\",\"theme\":\"dark\"},\"instanceId\":\"i\","
                + "\"region\":\"cn\"}],\"resultCode\":\"000000\",\"traceId\":\"t\"}";
        QueryInstanceResponse answer = ProtocolJson.read(json, QueryInstanceResponse.class);
        assertThat(answer.extra()).containsEntry("traceId", "t");
        assertThat(answer.info().get(0).extra()).containsEntry("region", "cn");
        assertThat(answer.info().get(0).appInfo().extra()).containsEntry("theme", "dark");
        assertThat(ProtocolJson.write(answer)).isEqualTo(json);
    }

    @Test
    void unknownFieldsAreWrittenAfterTheKnownOnesSortedByName() {
        NewInstanceRequest request = new NewInstanceRequest("o", "o-1", "b", null, Map.of("zeta", 1, "alpha", 2));
        assertThat(ProtocolJson.write(request)).isEqualTo(
                "{\"activity\":\"newInstance\",\"businessId\":\"b\",\"orderId\":\"o\",\"orderLineId\":\"o-1\",\"alpha\":2,\"zeta\":1}");
    }

    @Test
    void nullFieldsAreNotWritten() {
        AppInfo appInfo = new AppInfo("https://front", null, null, null, null);
        assertThat(ProtocolJson.write(appInfo)).isEqualTo("{\"frontEndUrl\":\"https://front\"}");
    }

    @Test
    void aPlainObjectMapperAlsoKeepsUnknownFieldsAndSkipsNulls() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        InstanceInfo info = plain.readValue("{\"instanceId\":\"i\",\"extraThing\":\"kept\"}", InstanceInfo.class);
        assertThat(info.extra()).containsEntry("extraThing", "kept");
        assertThat(plain.writeValueAsString(info)).isEqualTo("{\"instanceId\":\"i\",\"extraThing\":\"kept\"}");
    }

    @Test
    void extraIsNeverNullAndImmutable() {
        AppInfo appInfo = new AppInfo("https://front", null, null, null, null, null);
        assertThat(appInfo.extra()).isEmpty();
        assertThatThrownBy(() -> appInfo.extra().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nonAsciiIsEscapedAsV1RequiresForMemo() {
        AppInfo appInfo = new AppInfo("https://front", null, null, null, "中文");
        assertThat(ProtocolJson.write(appInfo)).isEqualTo("{\"frontEndUrl\":\"https://front\",\"memo\":\"\\u4E2D\\u6587\"}");
        assertThat(ProtocolJson.read(ProtocolJson.write(appInfo), AppInfo.class).memo()).isEqualTo("中文");
    }

    @Test
    void outputIsCompact() {
        assertThat(ProtocolJson.write(QueryInstanceResponse.of(List.of(new InstanceInfo("i", null))))).doesNotContain(" ", "\n");
    }

    @Test
    void malformedJsonIsAnInvalidMessage() {
        assertThatThrownBy(() -> ProtocolJson.read("{\"resultCode\":", ResultResponse.class))
                .isInstanceOf(InvalidMessageException.class)
                .satisfies(e -> assertThat(((InvalidMessageException) e).resultCode()).isEqualTo("000002"));
    }

    @Test
    void aWrongTypeNamesTheFieldPath() {
        assertThatThrownBy(() -> ProtocolJson.read("{\"info\":[{\"instanceId\":\"i\",\"appInfo\":[1]}]}",
                QueryInstanceResponse.class))
                .isInstanceOfSatisfying(InvalidMessageException.class,
                        e -> assertThat(e.field()).contains("info[0].appInfo"));
    }

    @Test
    void aMissingFieldIsReportedByName() {
        assertThatThrownBy(() -> ProtocolJson.read("{\"activity\":\"newInstance\",\"orderId\":\"o\",\"businessId\":\"b\"}",
                NewInstanceRequest.class))
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.fieldName()).isEqualTo("orderLineId"));
    }

    @Test
    void mapperGivesAnIndependentCopy() {
        ObjectMapper mine = ProtocolJson.mapper();
        mine.enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        assertThat(ProtocolJson.write(ResultResponse.success())).doesNotContain("\n");
    }
}
