package org.opengallery.marketplace.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.catalog.PublishingRules.Violation;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.secrets.RandomText;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.SellerStanding;
import org.opengallery.marketplace.seller.SellerStanding.Standing;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.upload.FileRule;
import org.opengallery.marketplace.upload.StoredFile;
import org.opengallery.marketplace.upload.Uploads;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 商品发布 in the seller center: drafts (new products and modifications of live ones), their files, submit and
 * withdraw, delist requests, and the seller's own sales switches (hide / show, delist a SKU, stock). Every call
 * names the seller and works only on that seller's products and applications: anyone else's are "not found".
 * Operators decide in {@link ProductReviews}.
 */
@Service
public class Publishing {

    private static final Pattern SKU_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ProductApplications applications;
    private final ProductSales sales;
    private final Catalog catalog;
    private final Sellers sellers;
    private final DebuggedAddresses debugged;
    private final SellerStanding standing;
    private final Uploads uploads;
    private final Notices notices;
    private final Clock clock;

    Publishing(ProductApplications applications, ProductSales sales, Catalog catalog, Sellers sellers,
            DebuggedAddresses debugged, SellerStanding standing, Uploads uploads, Notices notices, Clock clock) {
        this.applications = applications;
        this.sales = sales;
        this.catalog = catalog;
        this.sellers = sellers;
        this.debugged = debugged;
        this.standing = standing;
        this.uploads = uploads;
        this.notices = notices;
        this.clock = clock;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** 我的申请, newest first. */
    public List<ProductApplication> applications(long sellerId) {
        return applications.ofSeller(sellerId);
    }

    /** The seller's own application; another seller's is not found. */
    public ProductApplication application(long sellerId, long applicationId) {
        return applications.find(applicationId).filter(a -> a.sellerId() == sellerId)
                .orElseThrow(() -> ApiException.notFound("application", Long.toString(applicationId)));
    }

    /** The seller's own product; another seller's is not found. */
    public ProductSales.ProductRow product(long sellerId, long productId) {
        return sales.row(productId).filter(r -> r.product().sellerId() == sellerId)
                .orElseThrow(() -> ApiException.notFound("product", Long.toString(productId)));
    }

    public Standing standing(long sellerId) {
        return standing.of(sellerId);
    }

    /** A generated skuCode for a spec the seller adds: stable from then on. */
    public static String newSkuCode() {
        return "SKU" + RandomText.draw(RandomText.DIGITS, 12);
    }

    // ---- drafts ----------------------------------------------------------------------------------------------

    /** A new product (发布商品), as an empty draft. */
    @Transactional
    public ProductApplication newDraft(long sellerId) {
        sellers.seller(sellerId).orElseThrow(() -> ApiException.notFound("seller", Long.toString(sellerId)));
        long id = applications.insert(sellerId, null, ApplicationKind.PUBLICATION, ApplicationState.DRAFT,
                ProductDraft.empty(), null, clock.instant());
        return applications.find(id).orElseThrow();
    }

    /**
     * Editing a live product: its open modification if there is one, else a new draft holding the product as it
     * is. The live product is untouched until an operator approves.
     */
    @Transactional
    public ProductApplication modification(long sellerId, long productId) {
        product(sellerId, productId);
        var open = applications.openModificationOf(productId);
        if (open.isPresent()) {
            return open.get();
        }
        Product live = catalog.product(productId).orElseThrow();
        ProductDraft draft = ProductDraft.of(live, sales.profile(productId), catalog.skus(productId));
        long id = applications.insert(sellerId, productId, ApplicationKind.MODIFICATION, ApplicationState.DRAFT, draft,
                null, clock.instant());
        return applications.find(id).orElseThrow();
    }

    /**
     * Saves what the seller typed (files stay as uploaded) and says which rules it still breaks; saving never
     * refuses for content, so half-done work is kept.
     */
    @Transactional
    public List<Violation> save(long sellerId, long applicationId, ProductDraft typed) {
        ProductApplication a = editable(sellerId, applicationId);
        ProductDraft draft = typed.withFilesOf(a.draft());
        draft = withSkuCodes(draft);
        applications.saveDraft(applicationId, draft, clock.instant());
        return problems(sellerId, a.productId(), draft);
    }

    /** Every rule the application's draft breaks now, including the ones that ask other capabilities. */
    public List<Violation> problems(long sellerId, long applicationId) {
        ProductApplication a = application(sellerId, applicationId);
        return a.draft() == null ? List.of() : problems(sellerId, a.productId(), a.draft());
    }

    @Transactional
    public StoredFile attachLogo(long sellerId, long applicationId, MultipartFile file) {
        ProductApplication a = editable(sellerId, applicationId);
        StoredFile f = uploads.store(Role.SELLER, sellerId, "product-logo", FileRule.IMAGE, true, file);
        applications.saveDraft(applicationId, a.draft().withLogo(f.id()), clock.instant());
        return f;
    }

    /** Adds a product image; the sixth is refused before anything is stored. */
    @Transactional
    public StoredFile attachImage(long sellerId, long applicationId, MultipartFile file) {
        ProductApplication a = editable(sellerId, applicationId);
        requireRoomForImage(a);
        StoredFile f = uploads.store(Role.SELLER, sellerId, "product-image", FileRule.IMAGE, true, file);
        return addImage(a, f);
    }

    /** {@link #attachImage(long, long, MultipartFile)} for bytes already read (tests, imports). */
    @Transactional
    public StoredFile attachImage(long sellerId, long applicationId, String fileName, byte[] bytes) {
        ProductApplication a = editable(sellerId, applicationId);
        requireRoomForImage(a);
        StoredFile f = uploads.store(Role.SELLER, sellerId, "product-image", FileRule.IMAGE, true, fileName, bytes);
        return addImage(a, f);
    }

    @Transactional
    public StoredFile attachLogo(long sellerId, long applicationId, String fileName, byte[] bytes) {
        ProductApplication a = editable(sellerId, applicationId);
        StoredFile f = uploads.store(Role.SELLER, sellerId, "product-logo", FileRule.IMAGE, true, fileName, bytes);
        applications.saveDraft(applicationId, a.draft().withLogo(f.id()), clock.instant());
        return f;
    }

    /** The software copyright certificate or commitment letter: private, seen by the seller and the operators. */
    @Transactional
    public StoredFile attachCopyright(long sellerId, long applicationId, MultipartFile file) {
        ProductApplication a = editable(sellerId, applicationId);
        StoredFile f = uploads.store(Role.SELLER, sellerId, "software-copyright", FileRule.DOCUMENT, false, file);
        applications.saveDraft(applicationId, a.draft().withCopyright(f.id()), clock.instant());
        return f;
    }

    @Transactional
    public StoredFile attachCopyright(long sellerId, long applicationId, String fileName, byte[] bytes) {
        ProductApplication a = editable(sellerId, applicationId);
        StoredFile f = uploads.store(Role.SELLER, sellerId, "software-copyright", FileRule.DOCUMENT, false, fileName,
                bytes);
        applications.saveDraft(applicationId, a.draft().withCopyright(f.id()), clock.instant());
        return f;
    }

    @Transactional
    public void removeImage(long sellerId, long applicationId, long fileId) {
        ProductApplication a = editable(sellerId, applicationId);
        List<Long> images = new ArrayList<>(a.draft().imageFileIds());
        images.remove(Long.valueOf(fileId));
        applications.saveDraft(applicationId, a.draft().withImages(images), clock.instant());
    }

    /** The copyright file of the seller's own application, for the seller to check what was uploaded. */
    public StoredFile copyrightFile(long sellerId, long applicationId) {
        ProductApplication a = application(sellerId, applicationId);
        Long id = a.draft() == null ? null : a.draft().copyrightFileId();
        return id == null ? null : uploads.file(id).orElse(null);
    }

    /** Deletes a draft, rejected or withdrawn publication or modification; the live product is untouched. */
    @Transactional
    public void delete(long sellerId, long applicationId) {
        editable(sellerId, applicationId);
        applications.delete(applicationId);
    }

    // ---- review ----------------------------------------------------------------------------------------------

    /**
     * Sends the draft for review: the seller must stand well (onboarded, agreement signed, certified), the draft
     * must pass every rule, and the product may have no other application under review.
     */
    @Transactional
    public void submit(long sellerId, long applicationId) {
        ProductApplication a = applications.lock(applicationId).filter(x -> x.sellerId() == sellerId)
                .orElseThrow(() -> ApiException.notFound("application", Long.toString(applicationId)));
        if (!a.state().editable() || a.kind() == ApplicationKind.DELIST) {
            throw ApiException.conflict("not_submittable", "application " + applicationId + " is " + a.state()
                    + "; only a draft, rejected or withdrawn one can be submitted");
        }
        Standing s = standing.of(sellerId);
        if (!s.mayPublish()) {
            throw ApiException.conflict("may_not_publish", "finish " + s.nextStep()
                    + " in the seller center before submitting a product");
        }
        List<Violation> problems = problems(sellerId, a.productId(), a.draft());
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("draft_incomplete", problems.stream().map(Violation::message)
                    .collect(Collectors.joining("; ")));
        }
        if (a.productId() != null) {
            requireNothingUnderReview(a.productId());
        }
        applications.submitted(applicationId, clock.instant());
        notices.post(Recipient.operators(), null, "PRODUCT_REVIEW_REQUESTED", "待审核: " + a.draft().name(),
                (a.kind() == ApplicationKind.PUBLICATION ? "商品发布申请 / product publication: "
                        : "商品变更申请 / product modification: ") + a.draft().name(),
                "/operator/publications/" + applicationId);
    }

    /** Pulls a submission back before an operator decides (撤回); it can be edited and submitted again. */
    @Transactional
    public void withdraw(long sellerId, long applicationId) {
        ProductApplication a = applications.lock(applicationId).filter(x -> x.sellerId() == sellerId)
                .orElseThrow(() -> ApiException.notFound("application", Long.toString(applicationId)));
        if (a.state() != ApplicationState.SUBMITTED) {
            throw ApiException.conflict("not_withdrawable", "application " + applicationId + " is " + a.state()
                    + "; only one under review can be withdrawn");
        }
        applications.withdrawn(applicationId, clock.instant());
    }

    /** 下架: asks the operators to take the product, and all its specs, off sale. */
    @Transactional
    public ProductApplication requestDelist(long sellerId, long productId, String reason) {
        ProductSales.ProductRow row = product(sellerId, productId);
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("invalid_reason", "say why the product should be delisted");
        }
        if (row.state() == ProductState.DELISTED) {
            throw ApiException.conflict("not_listed", "product " + productId + " is already delisted");
        }
        requireNothingUnderReview(productId);
        long id = applications.insert(sellerId, productId, ApplicationKind.DELIST, ApplicationState.SUBMITTED, null,
                cut(reason, 500), clock.instant());
        notices.post(Recipient.operators(), null, "PRODUCT_REVIEW_REQUESTED", "待审核: 下架 " + row.product().name(),
                "商品下架申请 / delist request: " + row.product().name() + " — " + reason.strip(),
                "/operator/publications/" + id);
        return applications.find(id).orElseThrow();
    }

    // ---- the seller's sales switches ---------------------------------------------------------------------------

    /** 隐藏: off the storefront and off sale at once, no review; {@link #show} puts it back. */
    @Transactional
    public void hide(long sellerId, long productId) {
        product(sellerId, productId);
        sales.hide(productId);
    }

    /** Shows a hidden product again (lists it: a frozen product stays off until an operator unfreezes it). */
    @Transactional
    public void show(long sellerId, long productId) {
        ProductSales.ProductRow row = product(sellerId, productId);
        if (row.state() != ProductState.HIDDEN) {
            throw ApiException.conflict("not_hidden", "product " + productId + " is " + row.state() + ", not hidden");
        }
        sales.unhide(productId);
        catalog.list(productId);
    }

    /** 下架 one spec: no new orders of it; instances bought keep running and renewing. */
    @Transactional
    public void delistSku(long sellerId, String skuCode) {
        ownSku(sellerId, skuCode);
        sales.delistSku(skuCode);
    }

    @Transactional
    public void relistSku(long sellerId, String skuCode) {
        ownSku(sellerId, skuCode);
        sales.relistSku(skuCode);
    }

    /** 库存: the units left to sell, or null to stop counting; 0 = sold out. */
    @Transactional
    public void setStock(long sellerId, String skuCode, Integer stock) {
        ownSku(sellerId, skuCode);
        if (stock != null && (stock < 0 || stock > 9_999_999)) {
            throw ApiException.badRequest("invalid_stock", "stock is 0 to 9999999, or empty for not counted");
        }
        sales.stock(skuCode, stock);
    }

    // ---- inside ----------------------------------------------------------------------------------------------

    private Sku ownSku(long sellerId, String skuCode) {
        Sku sku = catalog.sku(skuCode).orElseThrow(() -> ApiException.notFound("SKU", String.valueOf(skuCode)));
        product(sellerId, sku.productId());
        return sku;
    }

    private ProductApplication editable(long sellerId, long applicationId) {
        ProductApplication a = application(sellerId, applicationId);
        if (a.kind() == ApplicationKind.DELIST || !a.state().editable()) {
            throw ApiException.conflict("not_editable", "application " + applicationId + " is " + a.state()
                    + "; withdraw it first to edit");
        }
        return a;
    }

    private void requireRoomForImage(ProductApplication a) {
        if (a.draft().imageFileIds().size() >= ProductDraft.MAX_IMAGES) {
            throw ApiException.badRequest("too_many_images", "a product has at most " + ProductDraft.MAX_IMAGES
                    + " images; remove one before adding another");
        }
    }

    private StoredFile addImage(ProductApplication a, StoredFile f) {
        List<Long> images = new ArrayList<>(a.draft().imageFileIds());
        images.add(f.id());
        applications.saveDraft(a.id(), a.draft().withImages(images), clock.instant());
        return f;
    }

    private void requireNothingUnderReview(long productId) {
        applications.submittedFor(productId).ifPresent(open -> {
            throw ApiException.conflict("under_review", "product " + productId + " already has application "
                    + open.id() + " under review; withdraw it or wait for the decision");
        });
    }

    /** Specs without a skuCode (added in the form) get one now; existing ones keep theirs. */
    private static ProductDraft withSkuCodes(ProductDraft d) {
        List<DraftSku> skus = d.skus().stream().map(s -> s.skuCode() != null && !s.skuCode().isBlank() ? s
                : new DraftSku(newSkuCode(), s.name(), s.chargingMode(), s.monthPrice(), s.yearPrice(), s.price(),
                        s.trialDays(), s.unitPrice(), s.usageUnit())).toList();
        return new ProductDraft(d.name(), d.accessType(), d.version(), d.productionUrl(), d.encryptType(),
                d.description(), d.salesRegion(), d.priceTemplate(), d.serviceAgreement(), d.support(),
                d.logoFileId(), d.imageFileIds(), d.copyrightFileId(), skus);
    }

    /** The content rules, plus the ones that ask other capabilities: address key, skuCodes, live SKUs kept. */
    private List<Violation> problems(long sellerId, Long productId, ProductDraft d) {
        List<Violation> v = new ArrayList<>(PublishingRules.check(d));
        if (d.version() != null && d.productionUrl() != null && !d.productionUrl().isBlank()) {
            boolean keyed = d.version() == InterfaceVersion.V2
                    ? sellers.accessKey(sellerId, InterfaceType.BASIC, d.productionUrl()).isPresent()
                    : sellers.v1Key(sellerId).isPresent();
            if (!keyed) {
                v.add(new Violation("addressKey", d.productionUrl(), d.version() == InterfaceVersion.V2
                        ? "production address " + d.productionUrl() + " has no BASIC key: create one under Keys"
                        : "a V1 product needs your V1 Key: get it under Keys"));
            }
            List<String> undebugged = RequiredDebugCases.missing(d.skus(),
                    debugged.passingCases(sellerId, d.productionUrl().strip()));
            if (!undebugged.isEmpty()) {
                String found = d.productionUrl().strip() + " (" + String.join(", ", undebugged) + ")";
                v.add(new Violation("addressDebugged", found, "production address " + found
                        + " lacks passing saved debug cases: run and save them under Production addresses, Debug"));
            }
        }
        Map<String, Sku> live = productId == null ? Map.of() : catalog.skus(productId).stream()
                .collect(Collectors.toMap(Sku::skuCode, s -> s));
        Set<String> codes = new java.util.HashSet<>();
        for (DraftSku s : d.skus()) {
            if (s.skuCode() == null || !SKU_CODE.matcher(s.skuCode()).matches() || !codes.add(s.skuCode())) {
                v.add(new Violation("skuCode", String.valueOf(s.skuCode()), "spec " + s.name() + " has an invalid skuCode"));
                continue;
            }
            Sku existing = live.get(s.skuCode());
            if (existing == null) {
                if (catalog.sku(s.skuCode()).isPresent()) {
                    v.add(new Violation("skuCode", s.skuCode(), "skuCode " + s.skuCode() + " belongs to another product"));
                }
                continue;
            }
            if (s.chargingMode() != null && s.chargingMode() != existing.chargingMode()) {
                v.add(new Violation("skuModeFixed", s.name(), "spec " + s.name() + " is sold " + existing.chargingMode()
                        + "; a listed spec keeps its charging mode: add a new spec instead"));
            } else if (existing.chargingMode() == ChargingMode.Known.PERIOD
                    && ((existing.price(PeriodType.MONTH).isPresent() && s.monthPrice() == null)
                            || (existing.price(PeriodType.YEAR).isPresent() && s.yearPrice() == null))) {
                v.add(new Violation("skuPeriodKept", s.name(), "spec " + s.name()
                        + " keeps its month and year prices (bought instances renew with them); delist the spec instead"));
            }
        }
        return v;
    }

    private static String cut(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
