package org.opengallery.marketplace.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.opengallery.marketplace.buyer.Buyer;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.buyer.Payment;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Price;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.catalog.Sku;
import org.opengallery.marketplace.delivery.DeliveryCommand;
import org.opengallery.marketplace.delivery.DeliveryCommand.ReleaseInstance.ReleaseReason;
import org.opengallery.marketplace.delivery.DeliveryCommand.UpdateInstanceStatus.Status;
import org.opengallery.marketplace.delivery.OrderFacts;
import org.opengallery.marketplace.delivery.ProductionInterfaceCalls;
import org.opengallery.marketplace.delivery.SellerEndpoint;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.InstanceStatus;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.marketplace.instance.NewInstance;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.message.v2.RefreshScene;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order capability's public service: place, pay, cancel, renew, upgrade and unsubscribe, and the order lookup
 * Query Order answers from. Paying charges the buyer through {@link Payment} and, in the same transaction, creates
 * or changes the instance and writes the production-interface call, so all of it commits or none of it does.
 */
@Service
public class Orders {

    static final int MAX_MONTHS = 12;
    static final int MAX_YEARS = 5;

    private final OrderRows rows;
    private final OrderIds ids;
    private final Catalog catalog;
    private final Buyers buyers;
    private final Payment payment;
    private final Instances instances;
    /** Resolved on first use (the engine depends on this capability too), then kept: one bean lookup, not one per call. */
    private final java.util.function.Supplier<ProductionInterfaceCalls> calls;
    private final Clock clock;
    private final Duration unpaidTimeout;
    private final Duration refundGuaranteePeriod;

    public Orders(OrderRows rows, OrderIds ids, Catalog catalog, Buyers buyers, Payment payment, Instances instances,
            ObjectProvider<ProductionInterfaceCalls> calls, Clock clock,
            @Value("${opengallery.order.unpaid-timeout:30m}") Duration unpaidTimeout,
            @Value("${opengallery.order.refund-guarantee-period:5d}") Duration refundGuaranteePeriod) {
        this.rows = rows;
        this.ids = ids;
        this.catalog = catalog;
        this.buyers = buyers;
        this.payment = payment;
        this.instances = instances;
        this.calls = org.springframework.util.function.SingletonSupplier.of(calls::getObject);
        this.clock = clock;
        this.unpaidTimeout = unpaidTimeout;
        this.refundGuaranteePeriod = refundGuaranteePeriod;
    }

    // ---- placing ------------------------------------------------------------------------------------------------

    /**
     * A NEW or TRIAL order for a SKU, awaiting payment. PERIOD SKUs need {@code periodType} (month/year) and
     * {@code periodNumber}; the other charging modes take neither. A trial needs a SKU that offers one, once per
     * buyer and SKU, and costs nothing.
     */
    @Transactional
    public Order placeNew(long buyerId, String skuCode, String periodType, Integer periodNumber, boolean trial) {
        buyer(buyerId);
        if (skuCode == null || skuCode.isBlank()) {
            throw ApiException.badRequest("invalid_order", "skuCode is required");
        }
        Sku sku = catalog.sku(skuCode).orElseThrow(() -> ApiException.notFound("SKU", skuCode));
        Product product = catalog.product(sku.productId()).orElseThrow();
        if (!product.listed()) {
            throw ApiException.conflict("product_delisted", "product " + product.name() + " is not on sale");
        }
        catalog.takeForNewOrder(skuCode);
        Instant now = now();
        String orderId = ids.nextOrderId();
        OrderLine line;
        OrderType.Known type;
        if (trial) {
            if (!sku.trialAllowed()) {
                throw ApiException.badRequest("trial_not_offered", "SKU " + skuCode + " offers no trial");
            }
            if (rows.triedBefore(buyerId, skuCode)) {
                throw ApiException.conflict("trial_used", "SKU " + skuCode + " can be tried once per buyer");
            }
            Price price = periodType == null ? sku.prices().get(0) : periodPrice(sku, PeriodType.of(periodType));
            type = OrderType.Known.TRIAL;
            // a trial line carries no period type: its period is trialDays days (periodNumber)
            line = newLine(orderId, product, sku, price.productId(), null, sku.trialDays(), true, BigDecimal.ZERO.setScale(2), null);
        } else if (sku.chargingMode() == ChargingMode.Known.PERIOD) {
            if (periodType == null) {
                throw ApiException.badRequest("invalid_order", "SKU " + skuCode + " is sold by period: periodType month or year is required");
            }
            PeriodType period = PeriodType.of(periodType);
            int count = periodNumber(period, periodNumber);
            Price price = periodPrice(sku, period);
            type = OrderType.Known.NEW;
            line = newLine(orderId, product, sku, price.productId(), period, count, false,
                    price.amount().multiply(BigDecimal.valueOf(count)), null);
        } else {
            if (periodType != null || periodNumber != null) {
                throw ApiException.badRequest("invalid_order", "SKU " + skuCode + " is " + sku.chargingMode()
                        + ": it takes no periodType or periodNumber");
            }
            Price price = sku.price(null).orElseThrow();
            type = OrderType.Known.NEW;
            line = newLine(orderId, product, sku, price.productId(), null, null, false, price.amount(), null);
        }
        return place(orderId, buyerId, type, line, now);
    }

    /**
     * A RENEW order for a running or expired-and-frozen PERIOD instance, or TRIAL_TO_FORMAL for a trial (转商用).
     * {@code periodType} defaults to the instance's; changing it changes the productId, not the SKU.
     */
    @Transactional
    public Order renew(long buyerId, String instanceId, String periodType, Integer periodNumber) {
        Instance instance = ownInstance(buyerId, instanceId);
        Instant now = now();
        if (instance.chargingMode() != ChargingMode.Known.PERIOD) {
            throw ApiException.conflict("not_renewable", "instance " + instanceId + " is " + instance.chargingMode()
                    + ": only PERIOD instances are renewed");
        }
        renewable(instance, now);
        Sku sku = catalog.sku(instance.skuCode()).orElseThrow();
        PeriodType period = periodType != null ? PeriodType.of(periodType)
                : instance.periodType() != null ? instance.periodType() : sku.prices().get(0).periodType();
        int count = periodNumber(period, periodNumber);
        Price price = periodPrice(sku, period);
        Product product = catalog.product(sku.productId()).orElseThrow();
        String orderId = ids.nextOrderId();
        OrderType.Known type = instance.trial() ? OrderType.Known.TRIAL_TO_FORMAL : OrderType.Known.RENEW;
        OrderLine line = newLine(orderId, product, sku, price.productId(), period, count, false,
                price.amount().multiply(BigDecimal.valueOf(count)), instance.key());
        return place(orderId, buyerId, type, line, now);
    }

    /**
     * A CHANGE order moving a running PERIOD instance to a dearer SKU of the same product. Price (platform.md §2.4):
     * (new period price − old period price) / days of a period × remaining days, rounded half-up to cents.
     */
    @Transactional
    public Order upgrade(long buyerId, String instanceId, String skuCode) {
        Instance instance = ownInstance(buyerId, instanceId);
        Instant now = now();
        if (instance.status() != InstanceStatus.RUNNING) {
            throw ApiException.conflict("not_upgradable", "instance " + instanceId + " is " + instance.status()
                    + ": only running instances are upgraded");
        }
        if (instance.chargingMode() != ChargingMode.Known.PERIOD || instance.trial()) {
            throw ApiException.conflict("not_upgradable", "only paid PERIOD instances are upgraded; convert a trial first");
        }
        if (skuCode == null || skuCode.isBlank()) {
            throw ApiException.badRequest("invalid_order", "skuCode of the target spec is required");
        }
        Sku target = catalog.sku(skuCode).orElseThrow(() -> ApiException.notFound("SKU", skuCode));
        Sku current = catalog.sku(instance.skuCode()).orElseThrow();
        if (target.productId() != current.productId() || target.skuCode().equals(current.skuCode())) {
            throw ApiException.badRequest("invalid_upgrade", "an upgrade moves to another SKU of the same product");
        }
        if (target.chargingMode() != ChargingMode.Known.PERIOD) {
            throw ApiException.badRequest("invalid_upgrade", "SKU " + skuCode + " is not sold by period");
        }
        PeriodType period = instance.periodType();
        Price newPrice = periodPrice(target, period);
        Price oldPrice = periodPrice(current, period);
        long remainingDays = remainingDays(now, instance.expireTime());
        BigDecimal amount = upgradePrice(oldPrice.amount(), newPrice.amount(), period, remainingDays);
        if (amount.signum() <= 0) {
            throw ApiException.badRequest("not_an_upgrade", "SKU " + skuCode + " does not cost more than " + current.skuCode()
                    + " for the " + remainingDays + " remaining day(s): only upgrades are offered");
        }
        Product product = catalog.product(target.productId()).orElseThrow();
        String orderId = ids.nextOrderId();
        OrderLine line = new OrderLine(OrderIds.lineId(orderId, 1), orderId, product.id(), product.sellerId(),
                target.skuCode(), newPrice.productId(), ChargingMode.Known.PERIOD, period, null, false, amount,
                instance.key(), null, instance.expireTime(), BigDecimal.ZERO, current.skuCode(), instance.productId());
        return place(orderId, buyerId, OrderType.Known.CHANGE, line, now);
    }

    /** new price × remaining days − old price × remaining days, with a period price turned into a day price. */
    static BigDecimal upgradePrice(BigDecimal oldPeriodPrice, BigDecimal newPeriodPrice, PeriodType period, long remainingDays) {
        BigDecimal days = BigDecimal.valueOf(remainingDays);
        BigDecimal perPeriod = BigDecimal.valueOf(period.nominalDays());
        return newPeriodPrice.multiply(days).subtract(oldPeriodPrice.multiply(days))
                .divide(perPeriod, 2, RoundingMode.HALF_UP);
    }

    /**
     * Unsubscribes an instance: an UNSUBSCRIBE order (amount = the refund), the instance RELEASED and
     * releaseInstance sent. Refunds (platform.md §4.6): a paid line whose period has not started (a renewal not yet
     * in effect) is refunded in full; a line paid within the refund guarantee period
     * ({@code opengallery.order.refund-guarantee-period}, default 5 days, "5天无理由") is refunded in full; anything
     * else in effect is not refunded. The order completes when the seller confirms the release.
     */
    @Transactional
    public Order unsubscribe(long buyerId, String instanceId) {
        Instance instance = ownInstance(buyerId, instanceId);
        if (instance.status() != InstanceStatus.RUNNING && instance.status() != InstanceStatus.FROZEN) {
            throw ApiException.conflict("not_unsubscribable", "instance " + instanceId + " is " + instance.status()
                    + ": only running or frozen instances can be unsubscribed");
        }
        Instant now = now();
        String orderId = ids.nextOrderId();
        BigDecimal refund = BigDecimal.ZERO.setScale(2);
        List<OrderRows.PaidLine> paid = rows.paidLinesOf(instance.key());
        for (OrderRows.PaidLine p : paid) {
            boolean notYetInEffect = p.line().effectiveFrom() != null && p.line().effectiveFrom().isAfter(now);
            boolean withinGuarantee = p.paidAt() != null && !p.paidAt().plus(refundGuaranteePeriod).isBefore(now);
            if ((notYetInEffect || withinGuarantee) && p.line().amount().signum() > 0) {
                payment.refund(buyerId, p.line().amount(), "refund:" + p.line().orderLineId());
                rows.refunded(p.line().orderLineId(), p.line().amount());
                refund = refund.add(p.line().amount());
            }
        }
        Product product = catalog.product(instance.catalogProductId()).orElseThrow();
        OrderLine line = new OrderLine(OrderIds.lineId(orderId, 1), orderId, product.id(), product.sellerId(),
                instance.skuCode(), instance.productId(), instance.chargingMode(), instance.periodType(), null,
                instance.trial(), refund, instance.key(), now, now, BigDecimal.ZERO, null, null);
        Order order = new Order(orderId, buyerId, OrderType.Known.UNSUBSCRIBE, OrderStatus.PROCESSING, refund, now,
                null, now, null, null, List.of(line));
        rows.insert(order);
        instances.release(instance.key(), orderId);
        SellerEndpoint endpoint = catalog.endpointFor(product);
        calls.get().releaseInstance(new DeliveryCommand.ReleaseInstance(endpoint, instance.instanceId(), orderId,
                ReleaseReason.UNSUBSCRIBED));
        calls.get().orderCreated(new DeliveryCommand.OrderCreated(endpoint, Long.toString(product.id()),
                product.accessType().name(), facts(order, line, now)));
        return rows.find(orderId).orElseThrow();
    }

    // ---- paying and cancelling -------------------------------------------------------------------------------

    /**
     * Pays an order: the buyer is charged and, in the same transaction, the instance is created or changed and the
     * production-interface call written. Past the payment deadline the order is cancelled instead (and stays so).
     */
    @Transactional(noRollbackFor = PayDeadlinePassed.class)
    public Order pay(long buyerId, String orderId) {
        // Read once, locked: another buyer's order is "not found" as with ownOrder.
        Order order = rows.lock(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> ApiException.notFound("order", orderId));
        Instant now = now();
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw ApiException.conflict("not_payable", "order " + orderId + " is " + order.status() + ", not awaiting payment");
        }
        if (!now.isBefore(order.payDeadline())) {
            rows.move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, now, "not paid before the payment deadline");
            throw new PayDeadlinePassed(orderId);
        }
        rows.move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.PROCESSING, now, null);
        payment.charge(buyerId, order.amount(), "order:" + orderId);
        OrderLine line = order.line();
        Product product = catalog.product(line.catalogProductId()).orElseThrow();
        SellerEndpoint endpoint = catalog.endpointFor(product);
        ProductionInterfaceCalls seller = calls.get();
        switch (order.orderType()) {
            case NEW, TRIAL -> {
                Instant expire = line.trial() ? now.plus(Duration.ofDays(line.periodNumber()))
                        : line.periodType() != null ? line.periodType().addTo(now, line.periodNumber())
                        : null; // pay-per-use and one-time instances do not expire
                long key = instances.create(new NewInstance(buyerId, line.sellerId(), line.catalogProductId(),
                        line.skuCode(), line.productId(), line.chargingMode(), line.periodType(), line.trial(), orderId,
                        line.orderLineId(), expire));
                rows.paidLine(line.orderLineId(), key, now, expire);
                OrderFacts facts = facts(order, line, expire);
                seller.newInstance(new DeliveryCommand.NewInstance(endpoint, facts));
                if (order.orderType() == OrderType.Known.NEW) {
                    seller.orderCreated(new DeliveryCommand.OrderCreated(endpoint, Long.toString(product.id()),
                            product.accessType().name(), facts));
                }
            }
            case RENEW, TRIAL_TO_FORMAL -> {
                Instance instance = instances.byKey(line.instanceKey()).orElseThrow();
                renewable(instance, now);
                boolean conversion = order.orderType() == OrderType.Known.TRIAL_TO_FORMAL;
                if (conversion != instance.trial()) {
                    throw ApiException.conflict("stale_order", "instance " + instance.instanceId()
                            + " changed since this order was placed; place a new one");
                }
                // a renewal continues from the old expiry (also during the freeze); a conversion starts now
                Instant from = conversion ? now : instance.expireTime();
                Instant expire = line.periodType().addTo(from, line.periodNumber());
                rows.paidLine(line.orderLineId(), instance.key(), from, expire);
                boolean unfrozen = instances.extend(instance.key(), expire, orderId, line.productId(), line.periodType());
                OrderFacts facts = facts(order, line, expire);
                if (unfrozen) {
                    seller.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(endpoint, instance.instanceId(),
                            orderId, Status.UNFREEZE));
                }
                seller.refreshInstance(new DeliveryCommand.RefreshInstance(endpoint, instance.instanceId(),
                        conversion ? RefreshScene.TRIAL_TO_FORMAL : RefreshScene.RENEWAL, facts, expire));
                if (!conversion) {
                    seller.orderCreated(new DeliveryCommand.OrderCreated(endpoint, Long.toString(product.id()),
                            product.accessType().name(), facts));
                }
            }
            case CHANGE -> {
                Instance instance = instances.byKey(line.instanceKey()).orElseThrow();
                if (instance.status() != InstanceStatus.RUNNING || !instance.skuCode().equals(line.previousSkuCode())) {
                    throw ApiException.conflict("stale_order", "instance " + instance.instanceId()
                            + " changed since this upgrade was placed; place a new one");
                }
                rows.paidLine(line.orderLineId(), instance.key(), now, instance.expireTime());
                instances.changeSku(instance.key(), line.skuCode(), line.productId(), orderId);
                OrderFacts facts = facts(order, line, instance.expireTime());
                seller.upgradeInstance(new DeliveryCommand.UpgradeInstance(endpoint, instance.instanceId(), facts));
                seller.orderCreated(new DeliveryCommand.OrderCreated(endpoint, Long.toString(product.id()),
                        product.accessType().name(), facts));
            }
            default -> throw new IllegalStateException(order.orderType() + " orders are not paid");
        }
        return rows.find(orderId).orElseThrow();
    }

    /** The buyer cancels an unpaid order. */
    @Transactional
    public Order cancel(long buyerId, String orderId) {
        Order order = ownOrder(buyerId, orderId);
        if (!rows.move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, now(), "cancelled by the buyer")) {
            throw ApiException.conflict("not_cancellable", "order " + orderId + " is "
                    + rows.find(orderId).map(Order::status).orElse(order.status()) + "; only unpaid orders can be cancelled");
        }
        return rows.find(orderId).orElseThrow();
    }

    /** Cancels every unpaid order past its deadline; one statement, so concurrent sweeps on several nodes are safe. */
    @Transactional
    public int cancelUnpaid() {
        return rows.cancelUnpaid(now());
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public Optional<Order> order(String orderId) {
        return rows.find(orderId);
    }

    /** The buyer's own order; another buyer's is "not found". */
    public Order ownOrder(long buyerId, String orderId) {
        return rows.find(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> ApiException.notFound("order", orderId));
    }

    public List<Order> ordersOf(long buyerId) {
        return rows.ofBuyer(buyerId);
    }

    /**
     * The buyer's orders filtered as 我的订单 filters them: by order type, charging mode and state; a null criterion
     * matches every order. Newest first.
     */
    public List<Order> ordersOf(long buyerId, OrderType.Known type, ChargingMode.Known chargingMode, OrderStatus status) {
        return rows.ofBuyer(buyerId).stream()
                .filter(o -> type == null || o.orderType() == type)
                .filter(o -> chargingMode == null || o.line().chargingMode() == chargingMode)
                .filter(o -> status == null || o.status() == status)
                .sorted(java.util.Comparator.comparing(Order::createTime).thenComparing(Order::orderId).reversed())
                .toList();
    }

    /**
     * What Query Order answers: the order with all its lines, or only {@code orderLineId} when given (empty when
     * the order or that line does not exist). Sellers must only be shown lines whose {@code sellerId} is theirs.
     */
    public Optional<OrderDetails> details(String orderId, String orderLineId) {
        return rows.find(orderId).flatMap(o -> {
            List<OrderLine> lines = orderLineId == null ? o.lines()
                    : o.lines().stream().filter(l -> l.orderLineId().equals(orderLineId)).toList();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new OrderDetails(o.orderId(), o.orderType(), o.status(), o.createTime(), lines,
                    buyerInfo(o.buyerId())));
        });
    }

    // ---- the seller center's and the operator console's lists -----------------------------------------------

    /** The most rows an export holds; a larger list is narrowed with the filters first. */
    public static final int EXPORT_LIMIT = 10_000;
    private static final int MAX_PAGE_SIZE = 100;

    /**
     * 订单列表 of one seller: the seller's order lines matching the filter, newest first, page {@code page} (from 1).
     * Pay-per-use (按需) orders are not listed: KooGallery shows them in the bills, not as orders (platform.md §4.3).
     */
    public OrderPage sellerOrders(long sellerId, OrderFilter filter, int page, int size) {
        return page(sellerId, filter, true, page, size);
    }

    /** The seller's whole filtered list for the CSV export (at most {@link #EXPORT_LIMIT} rows). */
    public List<Order> sellerOrdersToExport(long sellerId, OrderFilter filter) {
        return rows.search(sellerId, filter, true, 0, EXPORT_LIMIT);
    }

    /** The operator's list: every order line of every seller, pay-per-use included. */
    public OrderPage allOrders(OrderFilter filter, int page, int size) {
        return page(null, filter, false, page, size);
    }

    /**
     * The order as the seller sees it: only the seller's own lines. An order with none of them is "not found",
     * exactly as an order that does not exist, so guessing ids tells nothing.
     */
    public Order sellerOrder(long sellerId, String orderId) {
        return rows.find(orderId).flatMap(o -> {
            List<OrderLine> mine = o.lines().stream().filter(l -> l.sellerId() == sellerId).toList();
            return mine.isEmpty() ? Optional.<Order>empty() : Optional.of(new Order(o.orderId(), o.buyerId(),
                    o.orderType(), o.status(), o.amount(), o.createTime(), o.payDeadline(), o.paidAt(), o.closedAt(),
                    o.failure(), mine));
        }).orElseThrow(() -> ApiException.notFound("order", orderId));
    }

    /** The catalog products the seller has orders for, the choices of the list's product filter. */
    public List<Long> productsOrderedFrom(long sellerId) {
        return rows.productsOrderedFrom(sellerId);
    }

    /** How many orders (lines) of the seller are in this state, e.g. PROCESSING for the overview's to-dos. */
    public long countOf(Long sellerId, OrderStatus status) {
        return rows.count(sellerId, new OrderFilter(null, null, null, status, null, null, null, null, null),
                sellerId != null);
    }

    /**
     * 总览's last 12 months: the current calendar month and the 11 before it, in {@code zone} (the pages show
     * Beijing time). See {@link SalesFigures} for what counts.
     */
    public SalesFigures sales(long sellerId, java.time.ZoneId zone) {
        java.time.YearMonth current = java.time.YearMonth.from(clock.instant().atZone(zone));
        java.time.YearMonth first = current.minusMonths(11);
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = current.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        java.util.Map<java.time.YearMonth, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<java.time.YearMonth, BigDecimal> amounts = new java.util.TreeMap<>();
        for (java.time.YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            counts.put(m, new long[1]);
            amounts.put(m, BigDecimal.ZERO.setScale(2));
        }
        for (OrderRows.PaidSale sale : rows.sales(sellerId, from, to)) {
            java.time.YearMonth m = java.time.YearMonth.from(sale.paidAt().atZone(zone));
            counts.get(m)[0]++;
            amounts.merge(m, sale.amount(), BigDecimal::add);
        }
        return new SalesFigures(counts.keySet().stream()
                .map(m -> new SalesFigures.Month(m, counts.get(m)[0], amounts.get(m).setScale(2, RoundingMode.HALF_UP)))
                .toList());
    }

    private OrderPage page(Long sellerId, OrderFilter filter, boolean withoutPayPerUse, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        long total = rows.count(sellerId, filter, withoutPayPerUse);
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.max(1, Math.min(page, pages));
        List<Order> found = rows.search(sellerId, filter, withoutPayPerUse, (current - 1) * pageSize, pageSize);
        return new OrderPage(found, current, pageSize, total);
    }

    // ---- inside ---------------------------------------------------------------------------------------------

    /** Order times are whole seconds: the wire formats (yyyyMMddHHmmss) carry no more, so nothing is rounded twice. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private Order place(String orderId, long buyerId, OrderType.Known type, OrderLine line, Instant now) {
        Order order = new Order(orderId, buyerId, type, OrderStatus.PENDING_PAYMENT, line.amount(), now,
                now.plus(unpaidTimeout), null, null, null, List.of(line));
        rows.insert(order);
        return rows.find(orderId).orElseThrow();
    }

    private static OrderLine newLine(String orderId, Product product, Sku sku, String productId, PeriodType period,
            Integer periodNumber, boolean trial, BigDecimal amount, Long instanceKey) {
        return new OrderLine(OrderIds.lineId(orderId, 1), orderId, product.id(), product.sellerId(), sku.skuCode(),
                productId, sku.chargingMode(), period, periodNumber, trial, amount.setScale(2, RoundingMode.UNNECESSARY),
                instanceKey, null, null, BigDecimal.ZERO, null, null);
    }

    OrderFacts facts(Order order, OrderLine line, Instant expireTime) {
        return new OrderFacts(order.orderId(), line.orderLineId(), order.orderType().code(), line.productId(),
                line.skuCode(), line.chargingMode().code(), line.periodType() == null ? null : line.periodType().code(),
                line.periodNumber(), expireTime, line.trial(), line.amount(), buyerInfo(order.buyerId()));
    }

    /** The buyer as Query Order shows it: account and IAM user are the same marketplace account here. */
    BuyerInfo buyerInfo(long buyerId) {
        Buyer b = buyer(buyerId);
        return new BuyerInfo(Long.toString(b.id()), b.name(), Long.toString(b.id()), b.login(), b.mobilePhone(), b.email());
    }

    private Buyer buyer(long buyerId) {
        return buyers.buyer(buyerId).orElseThrow(() -> ApiException.notFound("buyer", Long.toString(buyerId)));
    }

    private Instance ownInstance(long buyerId, String instanceId) {
        return instances.byInstanceId(instanceId).filter(i -> i.buyerId() == buyerId)
                .orElseThrow(() -> ApiException.notFound("instance", instanceId));
    }

    /** Running, or frozen because it expired (not for a violation, whose expiry is still ahead). */
    private static void renewable(Instance instance, Instant now) {
        boolean expiredFreeze = instance.status() == InstanceStatus.FROZEN && instance.expireTime() != null
                && !instance.expireTime().isAfter(now);
        if (instance.status() != InstanceStatus.RUNNING && !expiredFreeze) {
            throw ApiException.conflict("not_renewable", "instance " + instance.instanceId() + " is " + instance.status()
                    + (instance.status() == InstanceStatus.FROZEN ? " for a violation" : "")
                    + ": only running or expired instances are renewed");
        }
    }

    private static Price periodPrice(Sku sku, PeriodType period) {
        return sku.price(period).orElseThrow(() -> ApiException.badRequest("invalid_period_type",
                "SKU " + sku.skuCode() + " has no " + period.code() + "ly price"));
    }

    private static int periodNumber(PeriodType period, Integer number) {
        int max = period == PeriodType.MONTH ? MAX_MONTHS : MAX_YEARS;
        if (number == null || number < 1 || number > max) {
            throw ApiException.badRequest("invalid_period_number",
                    "periodNumber must be 1 to " + max + " for " + period.code() + ", got " + number);
        }
        return number;
    }

    private static long remainingDays(Instant now, Instant expire) {
        long seconds = Duration.between(now, expire).getSeconds();
        if (seconds <= 0) {
            throw ApiException.conflict("not_upgradable", "the instance has expired: renew it before upgrading");
        }
        return (seconds + 86_399) / 86_400;
    }

    /** The payment deadline passed: the order is now CANCELLED (committed), and paying is refused. */
    static class PayDeadlinePassed extends ApiException {
        PayDeadlinePassed(String orderId) {
            super(HttpStatus.CONFLICT, "order_expired", "order " + orderId
                    + " was not paid in time and is cancelled; place a new order");
        }
    }
}
