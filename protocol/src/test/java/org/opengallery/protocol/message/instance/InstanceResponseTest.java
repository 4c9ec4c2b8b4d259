package org.opengallery.protocol.message.instance;

import org.opengallery.protocol.cipher.EncryptType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;

class InstanceResponseTest {

    @Test
    void createResponseExampleParses() {
        String body = "{\"resultCode\":\"000000\",\"resultMsg\":\"success.\",\"instanceId\":\"03pf80c2bae96vc49*********\"}";
        NewInstanceResponse answer = ProtocolJson.read(body, NewInstanceResponse.class);
        assertThat(answer.resultCode()).isEqualTo(ResultCode.Known.SUCCESS);
        assertThat(answer.resultMsg()).isEqualTo("success.");
        assertThat(answer.instanceId()).isEqualTo("03pf80c2bae96vc49*********");
        assertThat(answer.isSuccess()).isTrue();
        assertThat(answer.appInfo()).isNull();
        assertThat(ProtocolJson.tree(answer)).isEqualTo(ProtocolJson.read(body, JsonNode.class));
    }

    @Test
    void createdWritesTheV2Answer() {
        assertThat(ProtocolJson.write(NewInstanceResponse.created("i-1")))
                .isEqualTo("{\"instanceId\":\"i-1\",\"resultCode\":\"000000\",\"resultMsg\":\"success\"}");
    }

    @Test
    void inProgressAnswers000004WithTheReservedId() {
        NewInstanceResponse answer = NewInstanceResponse.inProgress("i-1");
        assertThat(answer.resultCode().isInProgress()).isTrue();
        assertThat(answer.isSuccess()).isFalse();
        assertThat(ProtocolJson.write(answer))
                .isEqualTo("{\"instanceId\":\"i-1\",\"resultCode\":\"000004\",\"resultMsg\":\"request being processed\"}");
    }

    @Test
    void v1CreateAnswerCarriesAppInfoAndEncryptType() {
        AppInfo appInfo = new AppInfo("https://front", "https://admin", "ivIVivIVivIVivIVabc=", "ivIVivIVivIVivIVdef=",
                "备注");
        NewInstanceResponse answer = NewInstanceResponse.created("i-1", appInfo, EncryptType.AES_256);
        String json = ProtocolJson.write(answer);
        assertThat(json).isEqualTo("{\"appInfo\":{\"adminUrl\":\"https://admin\",\"frontEndUrl\":\"https://front\","
                + "\"memo\":\"\\u5907\\u6CE8\",\"password\":\"ivIVivIVivIVivIVdef=\",\"userName\":\"ivIVivIVivIVivIVabc=\"},"
                + "\"encryptType\":\"1\",\"instanceId\":\"i-1\",\"resultCode\":\"000000\",\"resultMsg\":\"success\"}");
        assertThat(ProtocolJson.read(json, NewInstanceResponse.class)).isEqualTo(answer);
    }

    @Test
    void failedCreateCarriesTheCodeAndNoInstance() {
        NewInstanceResponse answer = NewInstanceResponse.failed(ResultCode.Known.SOLD_OUT, ResultCode.Known.SOLD_OUT.english());
        assertThat(ProtocolJson.write(answer))
                .isEqualTo("{\"resultCode\":\"000106\",\"resultMsg\":\"Product resources sold out.\"}");
    }

    @Test
    void queryAnswerListsOneInfoPerInstance() {
        QueryInstanceResponse answer = QueryInstanceResponse.of(List.of(
                new InstanceInfo("i-1", new AppInfo("https://front", null, "admin", "secret", null))));
        assertThat(ProtocolJson.write(answer)).isEqualTo("{\"info\":[{\"appInfo\":{\"frontEndUrl\":\"https://front\","
                + "\"password\":\"secret\",\"userName\":\"admin\"},\"instanceId\":\"i-1\"}],"
                + "\"resultCode\":\"000000\",\"resultMsg\":\"success\"}");
    }

    @Test
    void v1QueryAnswerReadsUsageInfoInEitherSpellingAndTheDashboard() {
        String json = "{\"encryptType\":\"2\",\"info\":[{\"instanceId\":\"i-1\",\"dashboardUrl\":\"https://dash\","
                + "\"usageInfo\":[{\"relatedInstanceId\":\"pkg-1\",\"usageValue\":12.5}]}],\"resultCode\":\"000000\"}";
        QueryInstanceResponse answer = ProtocolJson.read(json, QueryInstanceResponse.class);
        assertThat(EncryptType.fromCode(answer.encryptType())).isEqualTo(EncryptType.AES_128);
        InstanceInfo info = answer.info().get(0);
        assertThat(info.dashboardUrl()).isEqualTo("https://dash");
        assertThat(info.usageInfos()).containsExactly(new UsageInfo("pkg-1", new BigDecimal("12.5")));
        assertThat(ProtocolJson.write(info)).contains("\"usageInfos\":[");
    }

    @Test
    void appInfoHidesThePasswordInToString() {
        assertThat(new AppInfo("https://front", null, "admin", "secret", null).toString())
                .doesNotContain("secret").contains("password=***");
    }

    @Test
    void instanceStatusChangeReadsBothVocabularies() {
        assertThat(InstanceStatusChange.of("FREEZE")).isEqualTo(InstanceStatusChange.FREEZE);
        assertThat(InstanceStatusChange.of("FROZEN")).isEqualTo(InstanceStatusChange.FREEZE);
        assertThat(InstanceStatusChange.of("UNFREEZE")).isEqualTo(InstanceStatusChange.UNFREEZE);
        assertThat(InstanceStatusChange.of("NORMAL")).isEqualTo(InstanceStatusChange.UNFREEZE);
        assertThatThrownBy(() -> InstanceStatusChange.of("DELETED")).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("DELETED");
    }

    @Test
    void instanceIdsAreLimitedTo100AndNeedAtLeastOne() {
        assertThat(InstanceIds.split("a,b")).containsExactly("a", "b");
        assertThatThrownBy(() -> InstanceIds.split(" , ")).isInstanceOf(MissingFieldException.class);
        assertThatThrownBy(() -> InstanceIds.split("x,".repeat(101))).isInstanceOf(InvalidMessageException.class);
    }
}
