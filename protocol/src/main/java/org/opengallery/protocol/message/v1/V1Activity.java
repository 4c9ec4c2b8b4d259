package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.opengallery.protocol.message.UnknownActivityException;

/** The V1 {@code activity} values and the request record each one arrives as. */
public enum V1Activity {
    /** New purchase (新购商品). */
    NEW_INSTANCE("newInstance", V1NewInstanceRequest.class),
    /** Renewal (商品续费); trial-to-formal conversion arrives here too (unconfirmed). */
    REFRESH_INSTANCE("refreshInstance", V1RefreshInstanceRequest.class),
    /** Expiry (商品过期): freeze, keep data. */
    EXPIRE_INSTANCE("expireInstance", V1ExpireInstanceRequest.class),
    /** Release (商品资源释放): delete. */
    RELEASE_INSTANCE("releaseInstance", V1ReleaseInstanceRequest.class),
    /** Upgrade (商品升级). */
    UPGRADE("upgrade", V1UpgradeRequest.class),
    /** Pay-per-use freeze / unfreeze (资源状态变更). */
    INSTANCE_STATUS("instanceStatus", V1InstanceStatusRequest.class),
    /** Query instance (查询实例信息). */
    QUERY_INSTANCE("queryInstance", V1QueryInstanceRequest.class),
    /** License delivery (License开通). */
    GET_LICENSE("getLicense", V1GetLicenseRequest.class);

    private static final List<String> CODES = Arrays.stream(values()).map(V1Activity::code).toList();

    private final String code;
    private final Class<? extends V1Request> requestType;

    V1Activity(String code, Class<? extends V1Request> requestType) {
        this.code = code;
        this.requestType = requestType;
    }

    /** The wire name, e.g. {@code instanceStatus}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The record this activity's parameters are read into. */
    public Class<? extends V1Request> requestType() {
        return requestType;
    }

    /**
     * The activity with this wire name (exact, case-sensitive).
     *
     * @throws UnknownActivityException naming the value and the V1 activities
     */
    public static V1Activity of(String code) {
        for (V1Activity activity : values()) {
            if (activity.code.equals(code)) {
                return activity;
            }
        }
        throw new UnknownActivityException("V1", code, CODES);
    }
}
