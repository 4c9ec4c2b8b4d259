package org.opengallery.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultCodeTest {

    @Test
    void documentedCodesAreFoundWithTheirTexts() {
        assertThat(ResultCode.of("000000")).isEqualTo(ResultCode.Known.SUCCESS);
        assertThat(ResultCode.of("000002").english()).isEqualTo("invalid request parameter");
        assertThat(ResultCode.of("000002").chinese()).isEqualTo("请求参数不合法");
        assertThat(ResultCode.of("000106").english()).isEqualTo("Product resources sold out.");
        assertThat(ResultCode.of("000106").chinese()).isEqualTo("该商品资源已售罄");
    }

    @Test
    void theDocumentedCodeSetIsCommonAndCreateCodes() {
        assertThat(ResultCode.Known.values()).extracting(ResultCode::code).containsExactly(
                "000000", "000001", "000002", "000003", "000004", "000005",
                "000100", "000101", "000102", "000103", "000104", "000105", "000106", "000107");
    }

    @ParameterizedTest
    @EnumSource(ResultCode.Known.class)
    void everyDocumentedCodeIsFoundByItsCode(ResultCode.Known code) {
        assertThat(ResultCode.of(code.code())).isSameAs(code);
        assertThat(code.english()).isNotBlank();
        assertThat(code.chinese()).isNotBlank();
    }

    @Test
    void onlySuccessIsSuccessAndOnly000004IsInProgress() {
        assertThat(ResultCode.Known.values()).filteredOn(ResultCode::isSuccess).containsExactly(ResultCode.Known.SUCCESS);
        assertThat(ResultCode.Known.values()).filteredOn(ResultCode::isInProgress)
                .containsExactly(ResultCode.Known.IN_PROGRESS);
        assertThat(ResultCode.of("000004").isInProgress()).isTrue();
    }

    @Test
    void anUnknownCodeIsKeptVerbatimAndIsNeitherSuccessNorInProgress() {
        ResultCode code = ResultCode.of("000999");
        assertThat(code).isEqualTo(new ResultCode.Unknown("000999"));
        assertThat(code.code()).isEqualTo("000999");
        assertThat(code.isSuccess()).isFalse();
        assertThat(code.isInProgress()).isFalse();
        assertThat(code.english()).contains("000999");
        assertThat(ResultCode.of("").code()).isEmpty();
    }

    @Test
    void anUnknownCodeInAnAnswerParsesAndIsWrittenBack() {
        ResultResponse answer = ProtocolJson.read("{\"resultCode\":\"000200\",\"resultMsg\":\"new\"}", ResultResponse.class);
        assertThat(answer.resultCode()).isEqualTo(new ResultCode.Unknown("000200"));
        assertThat(answer.isSuccess()).isFalse();
        assertThat(ProtocolJson.write(answer)).isEqualTo("{\"resultCode\":\"000200\",\"resultMsg\":\"new\"}");
    }

    @Test
    void theKitSyncExampleAnswerParses() {
        ResultResponse answer = ProtocolJson.read("{\"resultCode\":\"000000\",\"resultMsg\":\"Success\"}", ResultResponse.class);
        assertThat(answer.resultCode()).isEqualTo(ResultCode.Known.SUCCESS);
        assertThat(answer.resultMsg()).isEqualTo("Success");
        assertThat(answer.isSuccess()).isTrue();
    }

    @Test
    void theUpdateStatusExampleAnswerIsWhatSuccessWrites() {
        assertThat(ProtocolJson.write(ResultResponse.success())).isEqualTo("{\"resultCode\":\"000000\",\"resultMsg\":\"success\"}");
    }
}
