package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.opengallery.protocol.message.UnknownActivityException;

/** The V2 {@code activity} values and the request record each one arrives as. */
public enum V2Activity {
    /** Create an instance after payment (创建实例). */
    NEW_INSTANCE("newInstance", NewInstanceRequest.class),
    /** Report instance information; polled after a {@code 000004} create (查询实例信息). */
    QUERY_INSTANCE("queryInstance", QueryInstanceRequest.class),
    /** Move the expiry: renewal, trial to formal, renewal cancellation, renewal change (更新实例). */
    REFRESH_INSTANCE("refreshInstance", RefreshInstanceRequest.class),
    /** Freeze or unfreeze (更新实例状态). */
    UPDATE_INSTANCE_STATUS("updateInstanceStatus", UpdateInstanceStatusRequest.class),
    /** Delete the instance (释放实例). */
    RELEASE_INSTANCE("releaseInstance", ReleaseInstanceRequest.class),
    /** Apply a paid upgrade or scale-out (实例升级). */
    UPGRADE_INSTANCE("upgradeInstance", UpgradeInstanceRequest.class),
    /** Say whether a renewal with a spec change is possible (续费变更校验). */
    CHANGE_INSTANCE_CHECK("changeInstanceCheck", ChangeInstanceCheckRequest.class),
    /** An order was placed, renewed, changed or unsubscribed (订单通知, separate guide). */
    ORDER_NOTIFY("orderNotify", OrderNotifyRequest.class);

    private static final List<String> CODES = Arrays.stream(values()).map(V2Activity::code).toList();

    private final String code;
    private final Class<? extends V2Request> requestType;

    V2Activity(String code, Class<? extends V2Request> requestType) {
        this.code = code;
        this.requestType = requestType;
    }

    /** The wire name, e.g. {@code newInstance}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The record this activity's body is read into. */
    public Class<? extends V2Request> requestType() {
        return requestType;
    }

    /**
     * The activity with this wire name (exact, case-sensitive).
     *
     * @throws UnknownActivityException naming the value and the V2 activities
     */
    public static V2Activity of(String code) {
        for (V2Activity activity : values()) {
            if (activity.code.equals(code)) {
                return activity;
            }
        }
        throw new UnknownActivityException("V2", code, CODES);
    }
}
