package org.opengallery.protocol.message.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;

/** Kit sync bodies of protocol-v2.md §2.3 and §7.2. */
class SyncRequestTest {

    private static final String TENANT_SYNC_EXAMPLE = "{\"instanceId\":\"huaiweitest123456\",\"orderId\":\"CS1906666666ABCDE\","
            + "\"tenantId\":\"68cbc86****************880d92f36422fa0e\",\"tenantCode\":\"huawei\",\"name\":\"huaiweitest\","
            + "\"domainName\":\"https://example.tenantaccount.com\",\"flag\":1,\"testFlag\":0,\"timeStamp\":\"20220413093539534\"}";

    @Test
    void tenantSyncExampleParses() {
        SyncRequest request = SyncInterface.fromPath("https://example.isv.com/produceAPI/v2/tenantSync")
                .parse(TENANT_SYNC_EXAMPLE);
        assertThat(request).isEqualTo(new TenantSyncRequest("huaiweitest123456", "CS1906666666ABCDE",
                "68cbc86****************880d92f36422fa0e", "huawei", "huaiweitest", "https://example.tenantaccount.com",
                SyncFlag.ADD, TestFlag.PRODUCTION, "20220413093539534"));
        assertThat(request.isDebug()).isFalse();
        assertThat(request.sentAt()).contains(Instant.parse("2022-04-13T01:35:39.534Z"));
    }

    @Test
    void tenantSyncExampleIsWrittenBackWithIntegerFlags() {
        SyncRequest request = SyncInterface.TENANT_SYNC.parse(TENANT_SYNC_EXAMPLE);
        assertThat(ProtocolJson.tree(request)).isEqualTo(ProtocolJson.read(TENANT_SYNC_EXAMPLE, JsonNode.class));
        assertThat(ProtocolJson.write(request)).contains("\"flag\":1", "\"testFlag\":0");
    }

    @Test
    void applicationSyncParsesAndHidesTheSecret() {
        ApplicationSyncRequest request = (ApplicationSyncRequest) SyncInterface.APPLICATION_SYNC.parse(
                "{\"instanceId\":\"i\",\"tenantId\":\"t\",\"appId\":\"a\",\"clientId\":\"c\",\"clientSecret\":\"RSA==\","
                        + "\"flag\":1,\"testFlag\":1,\"timeStamp\":\"20220420114117642\"}");
        assertThat(request.clientSecret()).isEqualTo("RSA==");
        assertThat(request.isDebug()).isTrue();
        assertThat(request.toString()).doesNotContain("RSA==");
    }

    @Test
    void authSyncReadsTheUserList() {
        AuthSyncRequest request = (AuthSyncRequest) SyncInterface.AUTH_SYNC.parse("{\"instanceId\":\"i\",\"tenantId\":\"t\","
                + "\"appId\":\"a\",\"currentSyncTime\":\"20220420114117642\",\"flag\":3,\"testFlag\":0,"
                + "\"timeStamp\":\"20220420114117642\",\"userList\":[{\"userName\":\"zhang\",\"name\":\"Zhang San\","
                + "\"orgCode\":\"o1\",\"role\":\"admin\",\"enable\":\"true\",\"employeeType\":1,"
                + "\"extension\":{\"ledgers\":[\"A\"]}}]}");
        assertThat(request.flag()).isEqualTo(SyncFlag.CANCEL_AUTHORIZATION);
        SyncUser user = request.userList().get(0);
        assertThat(user.userName()).isEqualTo("zhang");
        assertThat(user.isAdmin()).isTrue();
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.employeeType()).isEqualTo(1);
        assertThat(user.extension().get("ledgers").get(0).asText()).isEqualTo("A");
        assertThat(ProtocolJson.write(user)).doesNotContain("\"admin\":true", "\"enabled\"");
    }

    @Test
    void aUserWithoutUserNameIsReportedWithItsPath() {
        assertThatThrownBy(() -> SyncInterface.AUTH_SYNC.parse("{\"tenantId\":\"t\",\"appId\":\"a\",\"flag\":1,"
                + "\"userList\":[{\"userName\":\"u\"},{\"name\":\"nameless\"}]}"))
                .isInstanceOfSatisfying(MissingFieldException.class,
                        e -> assertThat(e.fieldName()).isEqualTo("userList[1].userName"));
    }

    @Test
    void singleOrgSyncParses() {
        SingleOrgSyncRequest request = (SingleOrgSyncRequest) SyncInterface.SINGLE_ORG_SYNC.parse("{\"instanceId\":\"i\","
                + "\"tenantId\":\"t\",\"orgCode\":\"o2\",\"orgName\":\"R&D\",\"parentCode\":\"o1\",\"flag\":0,\"testFlag\":0,"
                + "\"timeStamp\":\"20220420114117642\"}");
        assertThat(request.flag()).isEqualTo(SyncFlag.DELETE);
        assertThat(request.parentCode()).isEqualTo("o1");
    }

    @Test
    void allOrgSyncReadsOrgInfoListAsAnArray() {
        AllOrgSyncRequest request = (AllOrgSyncRequest) SyncInterface.ALL_ORG_SYNC.parse("{\"instanceId\":\"i\","
                + "\"tenantId\":\"t\",\"orgInfoList\":[{\"orgCode\":\"o1\",\"orgName\":\"HQ\"},"
                + "{\"orgCode\":\"o2\",\"orgName\":\"R&D\",\"parentCode\":\"o1\"}],\"testFlag\":0,\"timeStamp\":\"20220420114117642\"}");
        assertThat(request.orgInfoList()).containsExactly(new OrgInfo("o1", "HQ", null), new OrgInfo("o2", "R&D", "o1"));
        assertThat(request.flag()).isNull();
    }

    @Test
    void allOrgSyncExampleWithOrgInfoListAsAJsonStringParsesAndIsWrittenAsAnArray() {
        String body = "{\"instanceId\":\"i\",\"tenantId\":\"t\",\"flag\":1,"
                + "\"orgInfoList\":\"[{\\\"orgCode\\\":\\\"o1\\\",\\\"orgName\\\":\\\"HQ\\\"},"
                + "{\\\"orgCode\\\":\\\"o2\\\",\\\"orgName\\\":\\\"R&D\\\",\\\"parentCode\\\":\\\"o1\\\"}]\","
                + "\"testFlag\":0,\"timeStamp\":\"20220420114117642\"}";
        AllOrgSyncRequest request = (AllOrgSyncRequest) SyncInterface.ALL_ORG_SYNC.parse(body);
        assertThat(request.orgInfoList()).containsExactly(new OrgInfo("o1", "HQ", null), new OrgInfo("o2", "R&D", "o1"));
        assertThat(request.flag()).isEqualTo(SyncFlag.ADD);
        assertThat(ProtocolJson.write(request)).contains("\"orgInfoList\":[{\"orgCode\":\"o1\"");
    }

    @Test
    void anOrgInfoListStringThatIsNotJsonIsRejectedNamingTheField() {
        assertThatThrownBy(() -> SyncInterface.ALL_ORG_SYNC.parse("{\"tenantId\":\"t\",\"orgInfoList\":\"[{oops\"}"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).hasValueSatisfying(
                        f -> assertThat(f).startsWith("orgInfoList")));
    }

    @Test
    void syncFlagsAreTheFourDocumentedIntegers() {
        assertThat(SyncFlag.values()).extracting(SyncFlag::code).containsExactly(0, 1, 2, 3);
        assertThat(SyncFlag.of("2")).isEqualTo(SyncFlag.MODIFY);
        assertThatThrownBy(() -> SyncInterface.TENANT_SYNC.parse("{\"tenantId\":\"t\",\"flag\":7}"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).contains("flag");
                    assertThat(e.getMessage()).contains("'7'");
                });
    }

    @Test
    void testFlagIsReadFromIntegersAndStrings() {
        assertThat(SyncInterface.TENANT_SYNC.parse("{\"tenantId\":\"t\",\"flag\":1,\"testFlag\":1}").testFlag())
                .isEqualTo(TestFlag.DEBUG);
        assertThat(SyncInterface.TENANT_SYNC.parse("{\"tenantId\":\"t\",\"flag\":1,\"testFlag\":\"0\"}").testFlag())
                .isEqualTo(TestFlag.PRODUCTION);
    }

    @Test
    void credentialApplicationTestsMayLeaveInstanceAndOrderEmpty() {
        TenantSyncRequest request = (TenantSyncRequest) SyncInterface.TENANT_SYNC.parse(
                "{\"instanceId\":\"\",\"orderId\":\"\",\"tenantId\":\"t\",\"flag\":1,\"testFlag\":1}");
        assertThat(request.instanceId()).isEmpty();
    }

    @Test
    void pathsMapToInterfaces() {
        assertThat(SyncInterface.fromPath("/produceAPI/v2/authSync")).isEqualTo(SyncInterface.AUTH_SYNC);
        assertThat(SyncInterface.fromPath("/saasproduce/produceAPI/v2/allOrgSync/?x=1")).isEqualTo(SyncInterface.ALL_ORG_SYNC);
        assertThat(SyncInterface.SINGLE_ORG_SYNC.path()).isEqualTo("/produceAPI/v2/singleOrgSync");
        assertThat(List.of(SyncInterface.values())).extracting(SyncInterface::interfaceName)
                .containsExactly("tenantSync", "applicationSync", "authSync", "singleOrgSync", "allOrgSync");
        assertThatThrownBy(() -> SyncInterface.fromPath("/produceAPI/v2/userSync"))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("/produceAPI/v2/userSync");
    }
}
