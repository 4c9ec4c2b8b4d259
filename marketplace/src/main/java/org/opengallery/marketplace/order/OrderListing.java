package org.opengallery.marketplace.order;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengallery.marketplace.buyer.Buyer;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.catalog.Sku;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.SellerDirectory;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.stereotype.Component;

/**
 * What the seller's and the operator's order pages share: reading the filter form into an {@link OrderFilter}
 * (dates are Beijing days, as the pages show times) and turning an order into a row with its product, SKU and
 * buyer names.
 */
@Component
class OrderListing {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How many buyers / sellers a name search may resolve to; a broader name is narrowed by the other filters. */
    private static final int NAME_MATCHES = 5_000;

    /** One row of a list, or the head of a detail page. */
    record OrderRow(Order order, OrderLine line, String productName, String skuName, Buyer buyer, Seller seller,
            String instanceId) {}

    /** The filter form as typed, so the page shows it back. */
    record Form(String orderId, String customer, String seller, String type, String mode, String status,
            String product, String from, String to) {

        static Form of(String orderId, String customer, String seller, String type, String mode, String status,
                String product, String from, String to) {
            return new Form(blank(orderId), blank(customer), blank(seller), blank(type), blank(mode), blank(status),
                    blank(product), blank(from), blank(to));
        }

        /** The form as query parameters (paging and the CSV link keep the filters). */
        String query() {
            StringBuilder q = new StringBuilder();
            add(q, "orderId", orderId);
            add(q, "customer", customer);
            add(q, "seller", seller);
            add(q, "type", type);
            add(q, "mode", mode);
            add(q, "status", status);
            add(q, "product", product);
            add(q, "from", from);
            add(q, "to", to);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (!value.isEmpty()) {
                q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        private static String blank(String s) {
            return s == null ? "" : s.strip();
        }
    }

    private final Buyers buyers;
    private final Sellers sellers;
    private final SellerDirectory directory;
    private final Catalog catalog;
    private final Instances instances;

    OrderListing(Buyers buyers, Sellers sellers, SellerDirectory directory, Catalog catalog, Instances instances) {
        this.buyers = buyers;
        this.sellers = sellers;
        this.directory = directory;
        this.catalog = catalog;
        this.instances = instances;
    }

    OrderFilter filter(Form f) {
        Set<Long> buyerIds = f.customer().isEmpty() ? null
                : buyers.search(f.customer(), NAME_MATCHES).stream().map(Buyer::id).collect(Collectors.toSet());
        Set<Long> sellerIds = f.seller().isEmpty() ? null
                : directory.search(f.seller(), NAME_MATCHES).stream().map(Seller::id).collect(Collectors.toSet());
        Long product = null;
        try {
            product = f.product().isEmpty() ? null : Long.valueOf(f.product());
        } catch (NumberFormatException e) {
            product = -1L; // not a product id: matches nothing, as a product nobody has
        }
        LocalDate from = day(f.from());
        LocalDate to = day(f.to());
        return new OrderFilter(f.orderId(), parse(OrderType.Known.class, f.type()),
                parse(ChargingMode.Known.class, f.mode()), parse(OrderStatus.class, f.status()), product, buyerIds,
                sellerIds, from == null ? null : from.atStartOfDay(ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    OrderRow row(Order o, OrderLine line) {
        return new OrderRow(o, line, catalog.product(line.catalogProductId()).map(Product::name).orElse(""),
                catalog.sku(line.skuCode()).map(Sku::name).orElse(line.skuCode()), buyers.buyer(o.buyerId()).orElse(null),
                sellers.seller(line.sellerId()).orElse(null),
                line.instanceKey() == null ? null
                        : instances.byKey(line.instanceKey()).map(Instance::instanceId).orElse(null));
    }

    OrderRow row(Order o) {
        return row(o, o.line());
    }

    Optional<Product> product(long id) {
        return catalog.product(id);
    }

    static LocalDate day(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** 138****0000: enough for the seller to recognise the buyer on the phone, not to collect the number. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** b***@example.com */
    static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
