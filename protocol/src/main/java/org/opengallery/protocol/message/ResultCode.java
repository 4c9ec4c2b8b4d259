package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.opengallery.protocol.message.internal.CodeIndex;

/**
 * The {@code resultCode} of every seller answer (V1, V2 and kit sync): six digits, {@code 000000} success.
 * Sealed into the documented codes ({@link Known}) and {@link Unknown}, which carries any other code
 * verbatim, because the platform adds codes and an answer must never fail to parse over one.
 *
 * <p>Texts are the spec's (调用结果码说明); the create-instance codes' English//Chinese pairs are the
 * {@code resultMsg} suggestions the page gives.
 */
public sealed interface ResultCode permits ResultCode.Known, ResultCode.Unknown {

    /** The code as written on the wire, e.g. {@code 000004}. */
    @JsonValue
    String code();

    /** The documented meaning in English. */
    String english();

    /** The documented meaning in Chinese. */
    String chinese();

    /** {@code 000000}. */
    default boolean isSuccess() {
        return false;
    }

    /** {@code 000004}: still being processed; for a create, the instance is provisioned asynchronously. */
    default boolean isInProgress() {
        return false;
    }

    /** The documented code with this value, or an {@link Unknown} carrying it. Never fails on a non-null code. */
    @JsonCreator
    static ResultCode of(String code) {
        Objects.requireNonNull(code, "code");
        return Known.INDEX.find(code).<ResultCode>map(k -> k).orElseGet(() -> new Unknown(code));
    }

    /** The result codes the spec documents: common codes and the create-instance codes. */
    enum Known implements ResultCode {
        /** Success. */
        SUCCESS("000000", "success", "成功"),
        /** Authentication failed: bad or missing signature / authToken. */
        AUTHENTICATION_FAILED("000001", "authentication failed", "鉴权失败"),
        /** Invalid request parameter: missing, malformed, unknown activity, stale timestamp. */
        INVALID_PARAMETER("000002", "invalid request parameter", "请求参数不合法"),
        /** The instance id does not exist (renewal, expiry, release of an unknown instance). */
        INSTANCE_NOT_FOUND("000003", "instance ID does not exist", "实例ID不存在"),
        /** Request being processed; for a create: provisioning asynchronously, poll queryInstance. */
        IN_PROGRESS("000004", "request being processed", "请求处理中"),
        /** Other internal service error. */
        INTERNAL_ERROR("000005", "other internal service error", "其它服务内部错误"),
        /** Create: no instance resource available. */
        NO_INSTANCE_AVAILABLE("000100", "no instance resource available", "无可用实例资源分配"),
        /** Create: mobile number missing or already used. */
        MOBILE_MISSING_OR_DUPLICATE("000101", "Mobile number not specified or already exists", "手机号为空或重复"),
        /** Create: e-mail address missing or already used. */
        EMAIL_MISSING_OR_DUPLICATE("000102", "Email address is not specified or already exists", "邮箱号为空或重复"),
        /** Create: the product cannot be bought twice. */
        ALREADY_PURCHASED("000103", "Product already purchased", "该商品不可重复购买"),
        /** Create: the product's internal service failed. */
        PRODUCT_INTERNAL_ERROR("000104", "Internal service error", "该商品内部服务异常"),
        /** Create: the account already holds the benefit. */
        BENEFITS_ALREADY_SUBSCRIBED("000105", "Account has already subscribed to benefits", "该账号已购买权益,无法再开通"),
        /** Create: the product's resources are sold out. */
        SOLD_OUT("000106", "Product resources sold out.", "该商品资源已售罄"),
        /** Create: the SaaS e-mail domain already exists. */
        EMAIL_DOMAIN_DUPLICATE("000107", "SaaS email domain already exists.", "该SaaS邮箱域名重复");

        private static final CodeIndex<Known> INDEX = CodeIndex.of(Known.class, Known::code);

        private final String code;
        private final String english;
        private final String chinese;

        Known(String code, String english, String chinese) {
            this.code = code;
            this.english = english;
            this.chinese = chinese;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String english() {
            return english;
        }

        @Override
        public String chinese() {
            return chinese;
        }

        @Override
        public boolean isSuccess() {
            return this == SUCCESS;
        }

        @Override
        public boolean isInProgress() {
            return this == IN_PROGRESS;
        }
    }

    /** A code this version does not document, kept verbatim. */
    record Unknown(String code) implements ResultCode {

        public Unknown {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String english() {
            return "unknown result code " + code;
        }

        @Override
        public String chinese() {
            return "未知结果码 " + code;
        }
    }
}
