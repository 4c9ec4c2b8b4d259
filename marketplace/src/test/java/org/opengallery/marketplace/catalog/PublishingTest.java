package org.opengallery.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.catalog.ProductDraft.PriceTemplate;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.notice.Notice;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.order.Order;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.marketplace.seller.SellerStanding;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.upload.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The publication workflow, from draft to listed product, and the seller's and operators' actions on products. */
class PublishingTest extends PublishingTestSupport {

    @Test
    void anApprovedPublicationIsCreatedWithItsSpecsAndListed() {
        long seller = seller();
        String code = unique("SKU");
        ProductApplication a = completeDraft(seller, sku(code, "9.90"));
        assertThat(publishing.problems(seller, a.id())).isEmpty();
        publishing.submit(seller, a.id());
        assertThat(reviews.queue(ApplicationKind.PUBLICATION)).extracting(ProductApplication::id).contains(a.id());
        assertThat(catalog.sku(code)).as("nothing is live before approval").isEmpty();

        reviews.approve(OPERATOR, a.id());

        ProductApplication approved = publishing.application(seller, a.id());
        assertThat(approved.state()).isEqualTo(ApplicationState.APPROVED);
        Product p = catalog.product(approved.productId()).orElseThrow();
        assertThat(p.listed()).isTrue();
        assertThat(p.name()).isEqualTo(a.draft().name());
        Sku sku = catalog.sku(code).orElseThrow();
        assertThat(sku.productId()).isEqualTo(p.id());
        assertThat(sku.price(PeriodType.MONTH).orElseThrow().productId())
                .isNotEqualTo(sku.price(PeriodType.YEAR).orElseThrow().productId());
        ProductProfile profile = sales.profile(p.id());
        assertThat(profile.serviceAgreement()).isEqualTo(PublishingRulesTest.AGREEMENT);
        assertThat(profile.support().email()).isEqualTo("support@isv.example.com");
        assertThat(profile.logoFileId()).isEqualTo(a.draft().logoFileId());
        assertThat(catalog.search(p.name())).extracting(l -> l.product().id()).containsExactly(p.id());
        assertThat(notices.of(Recipient.seller(seller), 5)).extracting(Notice::link)
                .contains("/seller/products/" + p.id());
    }

    @Test
    void aDraftThatBreaksARuleCannotBeSubmitted() {
        long seller = seller();
        ProductApplication a = publishing.newDraft(seller);
        assertThatThrownBy(() -> publishing.submit(seller, a.id())).isInstanceOf(ApiException.class)
                .hasMessageContaining("a product needs a name").hasMessageContaining("service agreement");
        assertThat(publishing.application(seller, a.id()).state()).isEqualTo(ApplicationState.DRAFT);
    }

    @Autowired ProductApplications applications;
    @Autowired Sellers sellerService;
    @Autowired Uploads uploads;
    @Autowired DebuggedAddresses debuggedAddresses;

    @Test
    void nothingIsSubmittedBeforeTheSellerMayPublishAndTheRefusalSaysWhatIsNext() {
        long seller = seller();
        ProductApplication a = completeDraft(seller);
        SellerStanding notCertified = id -> new SellerStanding.Standing(true, true, false);
        Publishing gated = new Publishing(applications, sales, catalog, sellerService, debuggedAddresses, notCertified,
                uploads, notices, clock);
        assertThatThrownBy(() -> gated.submit(seller, a.id())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error()).isEqualTo("may_not_publish"))
                .hasMessageContaining("finish certification");
        assertThat(publishing.application(seller, a.id()).state()).isEqualTo(ApplicationState.DRAFT);
    }

    @Test
    void aProductionAddressWithoutAKeyIsRefused() {
        long seller = sellers.register("ISV", unique("isv"), "s@isv.example.com").id(); // no key at all
        ProductApplication a = publishing.newDraft(seller);
        ProductDraft d = PublishingRulesTest.complete();
        assertThat(publishing.save(seller, a.id(), d)).extracting(PublishingRules.Violation::code)
                .contains("addressKey");
    }

    @Test
    void aPeriodicProductNeedsNewPurchaseRenewalExpiryAndReleaseDebuggedOnItsAddress() {
        long seller = undebuggedSeller();
        debugCasesSaved(seller, PRODUCTION_URL, "NEW_INSTANCE", "RELEASE");
        ProductApplication a = completeDraft(seller);

        assertThat(publishing.problems(seller, a.id())).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("addressDebugged");
            assertThat(v.found()).contains(PRODUCTION_URL).contains("续费").contains("过期").doesNotContain("新购");
        });
        assertThatThrownBy(() -> publishing.submit(seller, a.id())).isInstanceOf(ApiException.class)
                .hasMessageContaining("续费");

        debugCasesSaved(seller, PRODUCTION_URL, "RENEWAL", "EXPIRY");
        publishing.submit(seller, a.id());
        assertThat(publishing.application(seller, a.id()).state()).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void aOneTimeProductNeedsNewPurchaseAndReleaseDebugged() {
        long seller = undebuggedSeller();
        debugCasesSaved(seller, PRODUCTION_URL, "NEW_INSTANCE", "RELEASE");
        ProductApplication a = completeDraft(seller, new DraftSku(unique("SKU"), "Once", ChargingMode.Known.ONE_TIME,
                null, null, new BigDecimal("199.00"), null, null, null));

        assertThat(publishing.problems(seller, a.id())).extracting(PublishingRules.Violation::code)
                .doesNotContain("addressDebugged");
    }

    @Test
    void aSavedCaseWhoseLastDialTestFailedDoesNotCount() {
        long seller = undebuggedSeller();
        debugCasesSaved(seller, PRODUCTION_URL, "NEW_INSTANCE", "RENEWAL", "EXPIRY", "RELEASE");
        jdbc.sql("""
                UPDATE debug_case SET last_passed = FALSE WHERE scenario = 'RELEASE' AND address_id =
                    (SELECT id FROM production_address WHERE seller_id = :seller)""").param("seller", seller).update();
        ProductApplication a = completeDraft(seller);

        assertThat(publishing.problems(seller, a.id())).singleElement()
                .satisfies(v -> assertThat(v.found()).contains("释放"));
    }

    /** A seller who may publish and has a keyed address, but has not debugged it. */
    private long undebuggedSeller() {
        long seller = sellers.register("ISV " + unique(""), unique("isv"), "service@isv.example.com").id();
        sellers.createAccessKey(seller, InterfaceType.BASIC, PRODUCTION_URL);
        certifications.admitWithoutReview(seller);
        return seller;
    }

    @Test
    void aRejectionKeepsTheReasonAndTheSellerEditsAndResubmits() {
        long seller = seller();
        ProductApplication a = completeDraft(seller);
        publishing.submit(seller, a.id());
        assertThatThrownBy(() -> reviews.reject(OPERATOR, a.id(), " ")).hasMessageContaining("say why");

        reviews.reject(OPERATOR, a.id(), "the logo is blurred");

        ProductApplication rejected = publishing.application(seller, a.id());
        assertThat(rejected.state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("the logo is blurred");
        assertThat(rejected.productId()).isNull();
        assertThat(notices.of(Recipient.seller(seller), 5).get(0).body()).contains("the logo is blurred");
        publishing.attachLogo(seller, a.id(), "sharp.png", PNG);
        publishing.submit(seller, a.id());
        assertThat(publishing.application(seller, a.id()).state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(publishing.application(seller, a.id()).rejectReason()).isNull();
    }

    @Test
    void aWithdrawnSubmissionLeavesTheQueueAndCanBeEditedAgain() {
        long seller = seller();
        ProductApplication a = completeDraft(seller);
        publishing.submit(seller, a.id());
        assertThatThrownBy(() -> publishing.save(seller, a.id(), a.draft())).hasMessageContaining("withdraw it first");

        publishing.withdraw(seller, a.id());

        assertThat(publishing.application(seller, a.id()).state()).isEqualTo(ApplicationState.WITHDRAWN);
        assertThat(reviews.queue(null)).extracting(ProductApplication::id).doesNotContain(a.id());
        assertThatThrownBy(() -> reviews.approve(OPERATOR, a.id())).hasMessageContaining("WITHDRAWN");
        assertThat(publishing.save(seller, a.id(), a.draft())).isEmpty();
    }

    @Test
    void aModificationOfAListedProductGoesLiveOnlyAfterApproval() {
        long seller = seller();
        String code = unique("SKU");
        Product p = published(seller, sku(code, "9.90"));
        String monthProductId = catalog.sku(code).orElseThrow().price(PeriodType.MONTH).orElseThrow().productId();

        ProductApplication m = publishing.modification(seller, p.id());
        assertThat(m.kind()).isEqualTo(ApplicationKind.MODIFICATION);
        assertThat(publishing.modification(seller, p.id()).id()).as("one open modification per product").isEqualTo(m.id());
        publishing.save(seller, m.id(), edited(m.draft(), "Notes Pro", "19.90"));
        publishing.submit(seller, m.id());
        assertThat(catalog.product(p.id()).orElseThrow().name()).as("live until approved").isEqualTo(p.name());
        assertThat(reviews.changes(publishing.application(seller, m.id()))).extracting(ProductReviews.Change::field)
                .containsExactlyInAnyOrder("name", "sku " + code);

        reviews.approve(OPERATOR, m.id());

        Product live = catalog.product(p.id()).orElseThrow();
        assertThat(live.name()).isEqualTo("Notes Pro");
        assertThat(live.listed()).isTrue();
        Price month = catalog.sku(code).orElseThrow().price(PeriodType.MONTH).orElseThrow();
        assertThat(month.amount()).isEqualByComparingTo("19.90");
        assertThat(month.productId()).as("skuCode and productIds stay").isEqualTo(monthProductId);
    }

    @Test
    void aListedSpecKeepsItsChargingMode() {
        long seller = seller();
        String code = unique("SKU");
        Product p = published(seller, sku(code, "9.90"));
        ProductApplication m = publishing.modification(seller, p.id());
        DraftSku once = new DraftSku(code, "Once", ChargingMode.Known.ONE_TIME, null, null, BigDecimal.TEN, null, null, null);
        ProductDraft d = m.draft();
        assertThat(publishing.save(seller, m.id(), new ProductDraft(d.name(), d.accessType(), d.version(),
                d.productionUrl(), d.encryptType(), d.description(), d.salesRegion(), d.priceTemplate(),
                d.serviceAgreement(), d.support(), null, List.of(), null, List.of(once))))
                .extracting(PublishingRules.Violation::code).containsExactly("skuModeFixed");
    }

    @Test
    void anApprovedDelistRequestTakesTheProductOffSale() {
        long seller = seller();
        Product p = published(seller);
        assertThatThrownBy(() -> publishing.requestDelist(seller, p.id(), "")).hasMessageContaining("say why");
        ProductApplication d = publishing.requestDelist(seller, p.id(), "end of life");
        assertThat(catalog.product(p.id()).orElseThrow().listed()).as("needs approval").isTrue();
        assertThatThrownBy(() -> publishing.requestDelist(seller, p.id(), "again")).hasMessageContaining("under review");

        reviews.approve(OPERATOR, d.id());

        assertThat(catalog.product(p.id()).orElseThrow().listed()).isFalse();
        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.DELISTED);
    }

    @Test
    void aHiddenProductLeavesTheStorefrontAndComesBackWithoutReview() {
        long seller = seller();
        Product p = published(seller);
        long buyer = buyer("100");
        String code = catalog.skus(p.id()).get(0).skuCode();

        publishing.hide(seller, p.id());

        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.HIDDEN);
        assertThat(catalog.search(p.name())).isEmpty();
        assertThatThrownBy(() -> orders.placeNew(buyer, code, "month", 1, false)).hasMessageContaining("not on sale");
        publishing.show(seller, p.id());
        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.LISTED);
        assertThat(orders.placeNew(buyer, code, "month", 1, false).orderId()).isNotBlank();
    }

    @Test
    void aDelistedSkuRefusesNewOrders() {
        long seller = seller();
        String kept = unique("SKU");
        String dropped = unique("SKU");
        Product p = published(seller, sku(kept, "9.90"), sku(dropped, "19.90"));
        long buyer = buyer("100");

        publishing.delistSku(seller, dropped);

        assertThatThrownBy(() -> orders.placeNew(buyer, dropped, "month", 1, false))
                .isInstanceOf(ApiException.class).hasMessageContaining("no longer sold");
        assertThat(orders.placeNew(buyer, kept, "month", 1, false).orderId()).isNotBlank();
        assertThat(sales.purchasable(catalog.skus(p.id()))).extracting(Sku::skuCode).containsExactly(kept);
    }

    @Test
    void theJsonStorefrontOffersOnlySpecsABuyerMayOrder() {
        long seller = seller();
        String kept = unique("SKU");
        String dropped = unique("SKU");
        Product p = published(seller, sku(kept, "9.90"), sku(dropped, "19.90"));

        publishing.delistSku(seller, dropped);

        JsonNode mine = null;
        for (JsonNode product : http(HttpMethod.GET, "/api/v1/products", null, null).getBody()) {
            if (product.get("id").asLong() == p.id()) {
                mine = product;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("skus").findValuesAsText("skuCode")).containsExactly(kept);
    }

    @Test
    void stockCountsDownAndASoldOutSkuRefusesOrders() {
        long seller = seller();
        String code = unique("SKU");
        published(seller, sku(code, "9.90"));
        long buyer = buyer("100");
        publishing.setStock(seller, code, 1);

        Order first = orders.placeNew(buyer, code, "month", 1, false);

        assertThat(first.orderId()).isNotBlank();
        assertThat(sales.skuSales(catalog.sku(code).orElseThrow().productId()).get(code).stock()).isZero();
        assertThatThrownBy(() -> orders.placeNew(buyer, code, "month", 1, false)).hasMessageContaining("sold out");
        assertThatThrownBy(() -> publishing.setStock(seller, code, -1)).hasMessageContaining("0 to 9999999");
    }

    @Test
    void aFrozenProductIsHiddenRefusesOrdersAndTellsTheSellerWhy() {
        long seller = seller();
        Product p = published(seller);
        long buyer = buyer("100");
        String code = catalog.skus(p.id()).get(0).skuCode();

        reviews.freeze(OPERATOR, p.id(), "dial tests failed for 5 days");

        ProductSales.ProductRow row = publishing.product(seller, p.id());
        assertThat(row.state()).isEqualTo(ProductState.FROZEN);
        assertThat(row.frozenReason()).isEqualTo("dial tests failed for 5 days");
        assertThat(catalog.search(p.name())).isEmpty();
        assertThatThrownBy(() -> orders.placeNew(buyer, code, "month", 1, false)).hasMessageContaining("not on sale");
        assertThatThrownBy(() -> publishing.show(seller, p.id())).hasMessageContaining("FROZEN");
        reviews.unfreeze(OPERATOR, p.id());
        reviews.relist(OPERATOR, p.id());
        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.LISTED);
    }

    @Test
    void theSixthProductImageIsRefused() {
        long seller = seller();
        ProductApplication a = publishing.newDraft(seller);
        for (int i = 0; i < ProductDraft.MAX_IMAGES; i++) {
            publishing.attachImage(seller, a.id(), "image" + i + ".png", PNG);
        }
        assertThatThrownBy(() -> publishing.attachImage(seller, a.id(), "six.png", PNG))
                .isInstanceOf(ApiException.class).hasMessageContaining("at most 5 images");
        assertThat(publishing.application(seller, a.id()).draft().imageFileIds()).hasSize(5);
    }

    @Test
    void uploadsOfTheWrongTypeOrTooLargeAreRefusedClearly() {
        long seller = seller();
        ProductApplication a = publishing.newDraft(seller);
        assertThatThrownBy(() -> publishing.attachLogo(seller, a.id(), "logo.png", "GIF89a...".getBytes()))
                .hasMessageContaining("not JPEG or PNG");
        assertThatThrownBy(() -> publishing.attachLogo(seller, a.id(), "logo.png", PDF))
                .hasMessageContaining("not JPEG or PNG");
        byte[] big = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
        assertThatThrownBy(() -> publishing.attachCopyright(seller, a.id(), "scan.pdf", big))
                .hasMessageContaining("at most 20.0 MB");
        assertThat(publishing.application(seller, a.id()).draft().logoFileId()).isNull();
    }

    @Test
    void aSellerNeverReachesAnotherSellersDraftsOrProducts() {
        long owner = seller();
        long other = seller();
        Product p = published(owner);
        ProductApplication draft = publishing.newDraft(owner);
        notFound(() -> publishing.application(other, draft.id()));
        notFound(() -> publishing.save(other, draft.id(), ProductDraft.empty()));
        notFound(() -> publishing.hide(other, p.id()));
        notFound(() -> publishing.modification(other, p.id()));
        notFound(() -> publishing.delistSku(other, catalog.skus(p.id()).get(0).skuCode()));
        assertThat(publishing.applications(other)).isEmpty();
    }

    static void notFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(org.springframework.http.HttpStatus.NOT_FOUND));
    }
}
