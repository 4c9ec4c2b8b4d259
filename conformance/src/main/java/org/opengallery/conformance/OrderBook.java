package org.opengallery.conformance;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.message.order.ProductInfo;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * The orders this KooGallery stand-in knows: the spec's {@code MOCK…} debug orders, always, and, when it can
 * answer Query Order itself ({@link MockOpenApi}), a fresh order for every purchase, renewal or upgrade the
 * checker sends, so each run works on order lines the seller has never seen. Without the mock the checker can
 * only use the {@code MOCK…} ids, which real KooGallery's Query Order answers in debugging.
 *
 * <p>Also remembers which instances were delivered in this run: usage may be pushed for those only.
 * Thread-safe.
 */
public final class OrderBook {

    /** An order line a case sends to the seller. */
    public record PlacedOrder(String orderId, String orderLineId, MockOrder scenario) {
    }

    private static final DateTimeFormatter ORDER_ID_TIME = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final char[] ORDER_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final boolean inventsOrders;
    private final Map<String, OrderInfo> orders = new ConcurrentHashMap<>();
    private final Set<String> deliveredInstances = ConcurrentHashMap.newKeySet();
    private final String productId = "OFFI" + digits(18);
    private final String skuCode = uuidLike();
    private final String upgradedProductId = "OFFI" + digits(18);
    private final String upgradedSkuCode = uuidLike();
    private final BuyerInfo buyer = new BuyerInfo(hex(32), "conformance-buyer", hex(32), "conformance-buyer-admin",
            null, null);

    /**
     * @param inventsOrders whether {@link #place(MockOrder)} makes a fresh order (only when this book answers
     *                      Query Order for the seller) or hands out the spec's {@code MOCK…} ids
     */
    public OrderBook(Clock clock, boolean inventsOrders) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inventsOrders = inventsOrders;
        for (MockOrder mock : MockOrder.values()) {
            orders.put(mock.orderId(), orderInfo(mock.orderId(), mock.orderLineId(), mock));
        }
    }

    /** Whether {@link #place(MockOrder)} makes fresh orders. */
    public boolean inventsOrders() {
        return inventsOrders;
    }

    /**
     * An order line for a scenario: a fresh order of the scenario's type and charging mode, registered here, or
     * (without the mock) the scenario's own {@code MOCK…} order.
     */
    public PlacedOrder place(MockOrder scenario) {
        if (!inventsOrders) {
            return new PlacedOrder(scenario.orderId(), scenario.orderLineId(), scenario);
        }
        String orderId = freshOrderId(clock.instant());
        String lineId = orderId + "-000001";
        orders.put(orderId, orderInfo(orderId, lineId, scenario));
        return new PlacedOrder(orderId, lineId, scenario);
    }

    /** The order as Query Order returns it, if this book knows it. */
    public Optional<OrderInfo> order(String orderId) {
        return Optional.ofNullable(orderId == null ? null : orders.get(orderId));
    }

    /** The product a new purchase buys. */
    public ProductInfo product() {
        return new ProductInfo(productId, skuCode, new BigDecimal("10"));
    }

    /** The product an upgrade or a renewal with change moves to. */
    public ProductInfo upgradedProduct() {
        return new ProductInfo(upgradedProductId, upgradedSkuCode, new BigDecimal("20"));
    }

    /** The buyer of every order in this book. */
    public BuyerInfo buyer() {
        return buyer;
    }

    /** Notes that the seller delivered this instance in this run. */
    public void recordDelivery(String instanceId) {
        deliveredInstances.add(instanceId);
    }

    /** Whether the seller delivered this instance in this run. */
    public boolean delivered(String instanceId) {
        return deliveredInstances.contains(instanceId);
    }

    /**
     * A fresh order id in KooGallery's form: {@code CS}, the time as {@code yyMMddHHmm} (UTC), and five random
     * upper-case letters or digits, e.g. {@code CS2211181819B4LVS}.
     */
    public static String freshOrderId(Instant at) {
        StringBuilder id = new StringBuilder("CS").append(ORDER_ID_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        for (int i = 0; i < 5; i++) {
            id.append(ORDER_ID_ALPHABET[RANDOM.nextInt(ORDER_ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    private OrderInfo orderInfo(String orderId, String lineId, MockOrder scenario) {
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean change = scenario.orderType() == OrderType.Known.CHANGE;
        ProductInfo product = change ? upgradedProduct() : product();
        OrderLine line = new OrderLine(lineId, scenario.chargingMode(), expireTime(scenario, created),
                periodType(scenario), periodType(scenario) == null ? null : 1, amount(scenario),
                scenario.orderType() == OrderType.Known.TRIAL ? "1" : "0", null, List.of(product), Map.of());
        return new OrderInfo(orderId, scenario.orderType(), ProtocolTime.formatDateTime(created), List.of(line), buyer,
                null, Map.of());
    }

    private static String periodType(MockOrder scenario) {
        if (scenario.chargingMode() != ChargingMode.Known.PERIOD) {
            return null;
        }
        return switch (scenario) {
            case PERIOD_YEAR_NEW -> "year";
            case PERIOD_DAY_TRIAL -> "day";
            default -> "month";
        };
    }

    private static String expireTime(MockOrder scenario, Instant created) {
        String period = periodType(scenario);
        if (period == null) {
            return null;
        }
        LocalDateTime start = LocalDateTime.ofInstant(created, ZoneOffset.UTC);
        LocalDateTime end = switch (period) {
            case "year" -> start.plusYears(1);
            case "day" -> start.plusDays(7);
            default -> start.plusMonths(1);
        };
        return ProtocolTime.formatDateTime(end.toInstant(ZoneOffset.UTC));
    }

    private static BigDecimal amount(MockOrder scenario) {
        if (scenario.orderType() == OrderType.Known.TRIAL) {
            return new BigDecimal("0.00");
        }
        return switch (scenario.chargingMode()) {
            case ONE_TIME -> new BigDecimal("500.00");
            case ON_DEMAND, ON_DEMAND_PKG -> new BigDecimal("0.00");
            case PERIOD -> "year".equals(periodType(scenario)) ? new BigDecimal("1200.00") : new BigDecimal("100.00");
        };
    }

    private static String digits(int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }

    private static String hex(int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static String uuidLike() {
        return java.util.UUID.randomUUID().toString();
    }
}
