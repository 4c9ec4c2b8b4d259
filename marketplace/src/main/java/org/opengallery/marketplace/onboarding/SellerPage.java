package org.opengallery.marketplace.onboarding;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seller-center pages a sub-user (子用户) may be allowed, each by its path prefix under {@code /seller}.
 * {@code /seller/users} is not among them: only the seller's main login manages sub-users.
 */
public enum SellerPage {
    OVERVIEW("overview", "/seller"),
    ONBOARDING("onboarding", "/seller/onboarding"),
    CERTIFICATION("certification", "/seller/certification"),
    KEYS("keys", "/seller/keys"),
    ADDRESSES("addresses", "/seller/addresses"),
    PRODUCTS("products", "/seller/products"),
    ORDERS("orders", "/seller/orders"),
    INTERFACE_MESSAGES("interface-messages", "/seller/interface-messages"),
    ORDER_NOTIFICATIONS("order-notifications", "/seller/order-notifications");

    private final String code;
    private final String path;

    SellerPage(String code, String path) {
        this.code = code;
        this.path = path;
    }

    public String code() {
        return code;
    }

    public static Optional<SellerPage> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /**
     * The page this request path belongs to: {@code /seller} itself is the overview, {@code /seller/keys/…} is
     * keys; a path under {@code /seller} that names none of these (e.g. {@code /seller/users}) is empty.
     */
    public static Optional<SellerPage> ofPath(String path) {
        if (path.equals("/seller") || path.equals("/seller/")) {
            return Optional.of(OVERVIEW);
        }
        return Arrays.stream(values()).filter(p -> p != OVERVIEW)
                .filter(p -> path.equals(p.path) || path.startsWith(p.path + "/")).findFirst();
    }
}
