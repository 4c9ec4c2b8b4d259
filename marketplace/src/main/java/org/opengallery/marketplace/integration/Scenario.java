package org.opengallery.marketplace.integration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.secrets.RandomText;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * The debug scenarios of 应用接入调试, in the order a dial test runs them (create first, release last, so one test
 * instance lives through a whole run). Each builds its request parameters for V2 (protocol-v2.md §3) or V1
 * (protocol-v1.md §5) from fresh test ids; every scenario but the create works on an existing instance.
 */
public enum Scenario {
    /** 新购: newInstance (V1 with the order's details). */
    NEW_INSTANCE(false),
    /** 查询实例: queryInstance. */
    QUERY_INSTANCE(true),
    /** 续费: V2 refreshInstance scene RENEWAL, V1 refreshInstance. */
    RENEWAL(true),
    /** 升级: V2 upgradeInstance, V1 upgrade. */
    UPGRADE(true),
    /** 过期: V2 updateInstanceStatus FREEZE, V1 expireInstance. */
    EXPIRY(true),
    /** 解冻 (after a renewal of an expired instance): V2 updateInstanceStatus UNFREEZE, V1 instanceStatus UNFREEZE. */
    UNFREEZE(true),
    /** 释放: releaseInstance. */
    RELEASE(true);

    private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private final boolean needsInstance;

    Scenario(boolean needsInstance) {
        this.needsInstance = needsInstance;
    }

    /** Whether the request names an existing instance (all but the create). */
    public boolean needsInstance() {
        return needsInstance;
    }

    /**
     * The type of the test order the request names, which Query Order then answers ({@code DebugOrders}); null
     * when the request names no order the seller would read.
     */
    public OrderType.Known orderType() {
        return switch (this) {
            case NEW_INSTANCE -> OrderType.Known.NEW;
            case RENEWAL -> OrderType.Known.RENEW;
            case UPGRADE -> OrderType.Known.CHANGE;
            default -> null;
        };
    }

    /** The {@code activity} sent for this scenario in this version. */
    public String activity(InterfaceVersion version) {
        return switch (this) {
            case NEW_INSTANCE -> "newInstance";
            case QUERY_INSTANCE -> "queryInstance";
            case RENEWAL -> "refreshInstance";
            case UPGRADE -> version == InterfaceVersion.V2 ? "upgradeInstance" : "upgrade";
            case EXPIRY -> version == InterfaceVersion.V2 ? "updateInstanceStatus" : "expireInstance";
            case UNFREEZE -> version == InterfaceVersion.V2 ? "updateInstanceStatus" : "instanceStatus";
            case RELEASE -> "releaseInstance";
        };
    }

    /**
     * The request's parameters (without {@code testFlag}, which the debugger adds) with fresh test ids: a
     * KooGallery-looking test order id ({@code CS} + time + 5 characters), its line {@code -000001}, a new
     * businessId. {@code instanceId} is required unless this is the create.
     */
    public Map<String, String> parameters(InterfaceVersion version, String instanceId, Instant now) {
        if (needsInstance && (instanceId == null || instanceId.isBlank())) {
            throw new IllegalArgumentException(this + " needs an instanceId");
        }
        String orderId = "CS" + ORDER_TIME.format(now) + RandomText.draw(RandomText.UPPER_ALPHANUMERIC, 5);
        String orderLineId = orderId + "-000001";
        String expireTime = ProtocolTime.formatDateTime(now.plus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        Map<String, String> p = new TreeMap<>();
        p.put("activity", activity(version));
        boolean v2 = version == InterfaceVersion.V2;
        switch (this) {
            case NEW_INSTANCE -> {
                p.put("orderId", orderId);
                p.put("businessId", UUID.randomUUID().toString());
                if (v2) {
                    p.put("orderLineId", orderLineId);
                } else {
                    p.put("customerId", "test-customer-" + RandomText.draw(RandomText.DIGITS, 8));
                    p.put("customerName", "OpenGallery debug");
                    p.put("productId", "OFFI" + RandomText.draw(RandomText.DIGITS, 18));
                    p.put("skuCode", "test-sku");
                    p.put("expireTime", expireTime);
                    p.put("periodType", "month");
                    p.put("periodNumber", "1");
                    p.put("orderAmount", "0.00");
                    p.put("trialFlag", "0");
                }
            }
            case QUERY_INSTANCE -> p.put("instanceId", instanceId);
            case RENEWAL -> {
                p.put("instanceId", instanceId);
                p.put("orderId", orderId);
                p.put("expireTime", ProtocolTime.formatDateTime(
                        now.plus(62, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
                if (v2) {
                    p.put("scene", "RENEWAL");
                    p.put("orderLineId", orderLineId);
                } else {
                    p.put("periodType", "month");
                    p.put("periodNumber", "1");
                    p.put("orderAmount", "0.00");
                }
            }
            case UPGRADE -> {
                p.put("instanceId", instanceId);
                p.put("orderId", orderId);
                if (v2) {
                    p.put("orderLineId", orderLineId);
                } else {
                    p.put("productId", "OFFI" + RandomText.draw(RandomText.DIGITS, 18));
                    p.put("skuCode", "test-sku-pro");
                }
            }
            case EXPIRY -> {
                p.put("instanceId", instanceId);
                if (v2) {
                    p.put("status", "FREEZE");
                } else {
                    p.put("orderId", orderId);
                }
            }
            case UNFREEZE -> {
                p.put("instanceId", instanceId);
                p.put(v2 ? "status" : "instanceStatus", "UNFREEZE");
            }
            case RELEASE -> p.put("instanceId", instanceId);
        }
        return p;
    }
}
