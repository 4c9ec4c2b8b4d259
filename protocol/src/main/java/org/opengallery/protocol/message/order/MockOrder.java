package org.opengallery.protocol.message.order;

import java.util.Arrays;
import java.util.Optional;

/**
 * The mock order ids Query Order answers in debugging (接口调试), one per scenario; the line id is the order id
 * plus {@code -000001}. The order type is the documented scenario; the charging mode is inferred from the
 * id's name ({@code MONTY…} = monthly periodic), not documented.
 */
public enum MockOrder {
    /** New purchase, periodic (yearly). */
    PERIOD_YEAR_NEW("MOCKPERIODYEARNEW", OrderType.Known.NEW, ChargingMode.Known.PERIOD),
    /** New purchase, one-time. */
    ONE_TIME_NEW("MOCKONETIMENEW", OrderType.Known.NEW, ChargingMode.Known.ONE_TIME),
    /** New purchase, pay-per-use. */
    ON_DEMAND_NEW("MOCKONDEMAND", OrderType.Known.NEW, ChargingMode.Known.ON_DEMAND),
    /** New purchase, pay-per-use package. */
    ON_DEMAND_PKG_NEW("MOCKONDEMANDPKG", OrderType.Known.NEW, ChargingMode.Known.ON_DEMAND_PKG),
    /** Trial (daily period). */
    PERIOD_DAY_TRIAL("MOCKPERIODDAYTRIAL", OrderType.Known.TRIAL, ChargingMode.Known.PERIOD),
    /** Trial converted to a paid monthly order. */
    MONTHLY_TRIAL_TO_FORMAL("MOCKMONTYTRIALTOFORMAL", OrderType.Known.TRIAL_TO_FORMAL, ChargingMode.Known.PERIOD),
    /** Unsubscription of a monthly order. */
    MONTHLY_UNSUBSCRIBE("MOCKMONTYUNSUBSCRIBE", OrderType.Known.UNSUBSCRIBE, ChargingMode.Known.PERIOD),
    /** Renewal of a monthly order. */
    MONTHLY_RENEW("MOCKMONTYRENEW", OrderType.Known.RENEW, ChargingMode.Known.PERIOD),
    /** Change (upgrade) of a monthly order. */
    MONTHLY_CHANGE("MOCKMONTYCHANGE", OrderType.Known.CHANGE, ChargingMode.Known.PERIOD);

    private final String orderId;
    private final OrderType.Known orderType;
    private final ChargingMode.Known chargingMode;

    MockOrder(String orderId, OrderType.Known orderType, ChargingMode.Known chargingMode) {
        this.orderId = orderId;
        this.orderType = orderType;
        this.chargingMode = chargingMode;
    }

    /** The mock order id, e.g. {@code MOCKPERIODYEARNEW}. */
    public String orderId() {
        return orderId;
    }

    /** The mock order line id: {@code orderId + "-000001"}. */
    public String orderLineId() {
        return orderId + "-000001";
    }

    /** The scenario's order type. */
    public OrderType.Known orderType() {
        return orderType;
    }

    /** The charging mode implied by the id's name (inferred). */
    public ChargingMode.Known chargingMode() {
        return chargingMode;
    }

    /** The mock order with this id, if it is one. */
    public static Optional<MockOrder> of(String orderId) {
        return Arrays.stream(values()).filter(m -> m.orderId.equals(orderId)).findFirst();
    }

    /** Whether the id is one of the mock order ids. */
    public static boolean isMock(String orderId) {
        return of(orderId).isPresent();
    }
}
