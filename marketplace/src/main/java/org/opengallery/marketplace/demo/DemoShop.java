package org.opengallery.marketplace.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.opengallery.marketplace.access.ApiTokens;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.buyer.Buyer;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.NewProduct;
import org.opengallery.marketplace.catalog.NewSku;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Price;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.catalog.ProductProfile;
import org.opengallery.marketplace.catalog.ProductSales;
import org.opengallery.marketplace.catalog.SalesRegion;
import org.opengallery.marketplace.catalog.ServiceSupport;
import org.opengallery.marketplace.catalog.Sku;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.onboarding.Certifications;
import org.opengallery.marketplace.secrets.RandomText;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.OpenApiKeyPair;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's shop, made through the capabilities' public services: an operator, a seller with its key and an
 * open-API AK/SK, a periodic SaaS product (basic and pro specs, each monthly and yearly, basic with a trial) and a
 * pay-per-use product, both delivered to the seller's production address, and a buyer with a balance.
 *
 * <p>Seeding again (a restart on the same data) keeps every entity and order; it issues fresh passwords, a fresh
 * API token and a fresh AK/SK pair, because only hashes or sealed copies of the old ones are kept.
 */
@Service
public class DemoShop {

    public static final String OPERATOR_LOGIN = "operator";
    public static final String SELLER_LOGIN = "demo-seller";
    public static final String BUYER_LOGIN = "demo-buyer";
    public static final String BASIC_SKU = "notes-basic";
    public static final String PRO_SKU = "notes-pro";
    public static final String METERED_SKU = "notes-metered";
    /** The operator has no table of its own yet: it is subject 1 of role OPERATOR. */
    static final long OPERATOR_ID = 1;
    /** The demo buyer's balance when it is created (seeding again leaves the balance as it is). */
    public static final BigDecimal BUYER_BALANCE = new BigDecimal("1000.00");

    private final Sellers sellers;
    private final Catalog catalog;
    private final Buyers buyers;
    private final Logins logins;
    private final ApiTokens tokens;
    private final ProductSales sales;
    private final Certifications onboarding;

    public DemoShop(Sellers sellers, Catalog catalog, Buyers buyers, Logins logins, ApiTokens tokens,
            ProductSales sales, Certifications onboarding) {
        this.sales = sales;
        this.onboarding = onboarding;
        this.sellers = sellers;
        this.catalog = catalog;
        this.buyers = buyers;
        this.logins = logins;
        this.tokens = tokens;
    }

    /**
     * Where the demo seller's production interface is.
     *
     * @param key the key it is configured with, or null to generate one (the reference seller is then started
     *     with the generated key)
     */
    public record SellerSetup(String productionUrl, InterfaceVersion version, String key, EncryptType encryptType) {}

    public record DemoData(Login operator, Login buyer, String buyerApiToken, Login seller, String sellerKey,
            OpenApiKeyPair openApi, List<DemoProduct> products) {}

    public record Login(String login, String password) {
        @Override
        public String toString() {
            return "Login[" + login + ", password=***]";
        }
    }

    public record DemoProduct(String name, String productId, String skuCode, String chargingMode, String periodType) {}

    public DemoData seed(SellerSetup setup) {
        return seed(setup, BUYER_BALANCE);
    }

    /**
     * @param buyerBalance the demo buyer's balance when this seeding creates the buyer; a buyer that exists keeps
     *     its balance (its orders were paid from it)
     */
    @Transactional
    public DemoData seed(SellerSetup setup, BigDecimal buyerBalance) {
        if (buyerBalance == null || buyerBalance.signum() < 0) {
            throw new IllegalArgumentException("the buyer's balance must be zero or more, got " + buyerBalance);
        }
        Login operator = new Login(OPERATOR_LOGIN, password());
        logins.setPassword(operator.login(), Role.OPERATOR, OPERATOR_ID, operator.password());

        Seller seller = sellers.sellerByLogin(SELLER_LOGIN)
                .orElseGet(() -> sellers.register("Team Notes Ltd.", SELLER_LOGIN, "service@notes.example.com"));
        Login sellerLogin = new Login(SELLER_LOGIN, password());
        logins.setPassword(sellerLogin.login(), Role.SELLER, seller.id(), sellerLogin.password());
        // the demo seller comes out onboarded: approved, agreement signed, business information certified
        onboarding.admitWithoutReview(seller.id());
        String key = sellerKey(seller.id(), setup);
        OpenApiKeyPair openApi = sellers.createOpenApiKey(seller.id());

        List<DemoProduct> products = new ArrayList<>();
        products.addAll(product(seller.id(), setup, "Team Notes", "Shared notes for teams of any size.",
                List.of(NewSku.period(BASIC_SKU, "Basic (50 notes)", List.of(
                                new Price(null, PeriodType.MONTH, new BigDecimal("9.90")),
                                new Price(null, PeriodType.YEAR, new BigDecimal("99.00"))), 14),
                        NewSku.period(PRO_SKU, "Pro (1000 notes)", List.of(
                                new Price(null, PeriodType.MONTH, new BigDecimal("29.90")),
                                new Price(null, PeriodType.YEAR, new BigDecimal("299.00"))), null))));
        products.addAll(product(seller.id(), setup, "Team Notes Pay-per-use", "Team Notes billed per note written.",
                List.of(new NewSku(METERED_SKU, "Per note", ChargingMode.Known.ON_DEMAND, List.of(), null,
                        new BigDecimal("0.01"), "note"))));

        Buyer buyer = buyers.buyerByLogin(BUYER_LOGIN).orElseGet(() -> {
            Buyer b = buyers.register(BUYER_LOGIN, "Demo Buyer", "+86 13800000000", "buyer@notes.example.com");
            if (buyerBalance.signum() > 0) {
                buyers.topUp(b.id(), buyerBalance, "demo-initial-balance");
            }
            return b;
        });
        Login buyerLogin = new Login(BUYER_LOGIN, password());
        logins.setPassword(buyerLogin.login(), Role.BUYER, buyer.id(), buyerLogin.password());
        String apiToken = tokens.issue(Role.BUYER, buyer.id());

        return new DemoData(operator, buyerLogin, apiToken, sellerLogin, key, openApi, products);
    }

    private String sellerKey(long sellerId, SellerSetup setup) {
        if (setup.version() == InterfaceVersion.V1) {
            return setup.key() != null ? sellers.bindV1Key(sellerId, setup.key())
                    : sellers.v1Key(sellerId).orElseGet(() -> sellers.issueV1Key(sellerId));
        }
        return sellers.accessKey(sellerId, InterfaceType.BASIC, setup.productionUrl())
                .filter(existing -> setup.key() == null || existing.key().equals(setup.key()))
                .map(AccessKey::key)
                .orElseGet(() -> setup.key() != null
                        ? sellers.bindAccessKey(sellerId, InterfaceType.BASIC, setup.productionUrl(), setup.key()).key()
                        : sellers.createAccessKey(sellerId, InterfaceType.BASIC, setup.productionUrl()).key());
    }

    /** The product whose first SKU is the first given, made and listed unless it exists. */
    private List<DemoProduct> product(long sellerId, SellerSetup setup, String name, String description,
            List<NewSku> skus) {
        Product product = catalog.sku(skus.get(0).skuCode()).flatMap(s -> catalog.product(s.productId()))
                .orElseGet(() -> {
                    Product p = catalog.createProduct(new NewProduct(sellerId, name, description, AccessType.SAAS,
                            false, setup.productionUrl(), setup.version(), setup.encryptType()));
                    skus.forEach(sku -> catalog.addSku(p.id(), sku));
                    catalog.list(p.id());
                    return p;
                });
        if (sales.profile(product.id()).serviceAgreement() == null) {
            sales.saveProfile(product.id(), demoProfile(name));
        }
        if (!product.productionUrl().equals(setup.productionUrl()) || product.version() != setup.version()) {
            product = catalog.moveProductionAddress(product.id(), setup.productionUrl(), setup.version(),
                    setup.encryptType());
        }
        List<DemoProduct> listed = new ArrayList<>();
        for (Sku sku : catalog.skus(product.id())) {
            if (sku.prices().isEmpty()) {
                listed.add(new DemoProduct(name, null, sku.skuCode(), sku.chargingMode().code(), null));
            }
            for (Price price : sku.prices()) {
                listed.add(new DemoProduct(name, price.productId(), sku.skuCode(), sku.chargingMode().code(),
                        price.periodType() == null ? null : price.periodType().code()));
            }
        }
        return listed;
    }

    /** What publishing would have asked for: service and support, and an agreement the product page shows. */
    private static ProductProfile demoProfile(String productName) {
        String agreement = "《" + productName + "服务协议》\n"
                + "1. 服务内容：Team Notes Ltd.（以下简称“服务商”）通过华为云云商店向买家提供" + productName + "在线服务，"
                + "服务期限以订单为准。\n"
                + "2. 生效：本协议在买家下单时勾选同意后生效。\n"
                + "3. 隐私保护：服务商仅为提供服务处理买家数据，不向第三方披露，买家可随时导出或删除其数据。\n"
                + "4. 退订：按云商店退订规则办理。\n\n"
                + "The " + productName + " service agreement takes effect when the buyer accepts it at ordering; "
                + "the seller processes the buyer's data only to provide the service (privacy).";
        return new ProductProfile(SalesRegion.CN_MAINLAND, agreement, new ServiceSupport(
                "在线文档、电子邮件与电话支持 / online docs, e-mail and phone support", "5×8 h, 09:00–18:00 (UTC+8)",
                "+86 400 000 0000", "service@notes.example.com"), null, List.of(), null);
    }

    private static String password() {
        return RandomText.draw(RandomText.UNAMBIGUOUS, 14);
    }
}
