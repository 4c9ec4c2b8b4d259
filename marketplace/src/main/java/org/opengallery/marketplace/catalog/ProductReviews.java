package org.opengallery.marketplace.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.upload.StoredFile;
import org.opengallery.marketplace.upload.Uploads;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator console's side of publishing: the review queue (publications, modifications, delist requests,
 * oldest first), approve or reject with a reason, and freezing products. Approval is where a draft becomes the
 * live product: a publication creates and lists it, a modification rewrites it (skuCodes and productIds kept), a
 * delist request delists it. The seller hears every outcome in the message center and by e-mail.
 */
@Service
public class ProductReviews {

    private final ProductApplications applications;
    private final ProductSales sales;
    private final Catalog catalog;
    private final Sellers sellers;
    private final Uploads uploads;
    private final Notices notices;
    private final Clock clock;

    ProductReviews(ProductApplications applications, ProductSales sales, Catalog catalog, Sellers sellers,
            Uploads uploads, Notices notices, Clock clock) {
        this.applications = applications;
        this.sales = sales;
        this.catalog = catalog;
        this.sellers = sellers;
        this.uploads = uploads;
        this.notices = notices;
        this.clock = clock;
    }

    /** Applications waiting for a decision, oldest submission first; every kind when {@code kind} is null. */
    public List<ProductApplication> queue(ApplicationKind kind) {
        return applications.queue(kind);
    }

    public ProductApplication application(long applicationId) {
        return applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("application", Long.toString(applicationId)));
    }

    /** The copyright certificate or commitment letter of an application, for the reviewing operator. */
    public StoredFile copyrightFile(long applicationId) {
        ProductApplication a = application(applicationId);
        Long id = a.draft() == null ? null : a.draft().copyrightFileId();
        return uploads.file(id == null ? -1 : id)
                .orElseThrow(() -> ApiException.notFound("file", "copyright of application " + applicationId));
    }

    /** One changed field of a modification: what the buyers see now and what they would see after approval. */
    public record Change(String field, String before, String after) {}

    /** What a modification changes on the live product; empty for publications and delist requests. */
    public List<Change> changes(ProductApplication a) {
        if (a.kind() != ApplicationKind.MODIFICATION || a.productId() == null) {
            return List.of();
        }
        Product p = catalog.product(a.productId()).orElseThrow();
        ProductDraft live = ProductDraft.of(p, sales.profile(p.id()), catalog.skus(p.id()));
        ProductDraft next = a.draft();
        List<Change> changes = new ArrayList<>();
        diff(changes, "name", live.name(), next.name());
        diff(changes, "accessType", live.accessType(), next.accessType());
        diff(changes, "productionAddress", live.version() + " " + live.productionUrl() + " " + live.encryptType(),
                next.version() + " " + next.productionUrl() + " " + next.encryptType());
        diff(changes, "description", live.description(), next.description());
        diff(changes, "salesRegion", live.salesRegion(), next.salesRegion());
        diff(changes, "serviceAgreement", live.serviceAgreement(), next.serviceAgreement());
        diff(changes, "support", support(live.support()), support(next.support()));
        diff(changes, "logo", live.logoFileId(), next.logoFileId());
        diff(changes, "images", live.imageFileIds(), next.imageFileIds());
        diff(changes, "copyright", live.copyrightFileId(), next.copyrightFileId());
        Map<String, DraftSku> before = live.skus().stream().collect(Collectors.toMap(DraftSku::skuCode, s -> s));
        Map<String, DraftSku> after = next.skus().stream().collect(Collectors.toMap(DraftSku::skuCode, s -> s));
        for (String code : new java.util.TreeSet<>(Set.copyOf(concat(before.keySet(), after.keySet())))) {
            diff(changes, "sku " + code, spec(before.get(code)), spec(after.get(code)));
        }
        return changes;
    }

    /** Approves: applies the application to the live product and tells the seller. */
    @Transactional
    public void approve(long operatorId, long applicationId) {
        ProductApplication a = submitted(applicationId);
        long productId = switch (a.kind()) {
            case PUBLICATION -> publish(a);
            case MODIFICATION -> modify(a);
            case DELIST -> {
                catalog.delist(a.productId());
                sales.unhide(a.productId());
                yield a.productId();
            }
        };
        applications.decided(applicationId, ApplicationState.APPROVED, null, productId, clock.instant());
        String name = catalog.product(productId).map(Product::name).orElse("");
        String what = switch (a.kind()) {
            case PUBLICATION -> "商品已审核通过并上架 / Product approved and listed: ";
            case MODIFICATION -> "商品变更已审核通过 / Product modification approved: ";
            case DELIST -> "商品已下架 / Product delisted: ";
        };
        notices.post(Recipient.seller(a.sellerId()), sellers.customerServiceEmail(a.sellerId()), "PRODUCT_APPROVED",
                what + name, what + name, "/seller/products/" + productId);
    }

    /** Rejects with the reason the seller reads; the draft goes back to the seller to edit and resubmit. */
    @Transactional
    public void reject(long operatorId, long applicationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("invalid_reason", "say why the application is rejected, so the seller can fix it");
        }
        ProductApplication a = submitted(applicationId);
        String why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        applications.decided(applicationId, ApplicationState.REJECTED, why, null, clock.instant());
        String name = a.draft() != null ? a.draft().name()
                : catalog.product(a.productId()).map(Product::name).orElse("");
        String link = a.kind() == ApplicationKind.DELIST ? "/seller/products/" + a.productId()
                : "/seller/products/drafts/" + applicationId;
        notices.post(Recipient.seller(a.sellerId()), sellers.customerServiceEmail(a.sellerId()), "PRODUCT_REJECTED",
                "商品申请已驳回 / Product application rejected: " + name,
                "驳回原因 / Reason: " + why, link);
    }

    /** Freezes a product (trading stops, off the storefront) and tells the seller why. */
    @Transactional
    public void freeze(long operatorId, long productId, String reason) {
        catalog.freeze(productId, reason);
        Product p = catalog.product(productId).orElseThrow();
        notices.post(Recipient.seller(p.sellerId()), sellers.customerServiceEmail(p.sellerId()), "PRODUCT_FROZEN",
                "商品已冻结 / Product frozen: " + p.name(), "原因 / Reason: " + reason.strip(),
                "/seller/products/" + productId);
    }

    /** Lifts a freeze; the product stays off sale until listed again ({@link #relist}). */
    @Transactional
    public void unfreeze(long operatorId, long productId) {
        catalog.unfreeze(productId);
        Product p = catalog.product(productId).orElseThrow();
        notices.post(Recipient.seller(p.sellerId()), sellers.customerServiceEmail(p.sellerId()), "PRODUCT_UNFROZEN",
                "商品已解冻 / Product unfrozen: " + p.name(), "商品已解冻 / The freeze on " + p.name() + " was lifted.",
                "/seller/products/" + productId);
    }

    /** Lists an unfrozen, delisted product again (after a freeze was lifted). */
    @Transactional
    public void relist(long operatorId, long productId) {
        sales.unhide(productId);
        catalog.list(productId);
    }

    // ---- inside ----------------------------------------------------------------------------------------------

    private ProductApplication submitted(long applicationId) {
        ProductApplication a = applications.lock(applicationId)
                .orElseThrow(() -> ApiException.notFound("application", Long.toString(applicationId)));
        if (a.state() != ApplicationState.SUBMITTED) {
            throw ApiException.conflict("not_under_review", "application " + applicationId + " is " + a.state()
                    + "; only one under review can be decided");
        }
        return a;
    }

    private long publish(ProductApplication a) {
        ProductDraft d = a.draft();
        Product p = catalog.createProduct(new NewProduct(a.sellerId(), d.name(), d.description(), d.accessType(),
                false, d.productionUrl(), d.version(), d.encryptType()));
        for (DraftSku s : d.skus()) {
            catalog.addSku(p.id(), s.toNewSku());
        }
        sales.saveProfile(p.id(), ProductProfile.of(d));
        catalog.list(p.id());
        return p.id();
    }

    /**
     * Rewrites the live product: fields, address, profile; specs that exist keep their skuCode and productIds,
     * new ones are added, ones left out are delisted (never deleted: instances point at them). A delisted product
     * is listed again; a hidden or frozen one stays so.
     */
    private long modify(ProductApplication a) {
        long id = a.productId();
        ProductDraft d = a.draft();
        Product live = catalog.product(id).orElseThrow();
        sales.rewrite(id, d);
        if (!Objects.equals(live.productionUrl(), d.productionUrl()) || live.version() != d.version()
                || live.encryptType() != d.encryptType()) {
            catalog.moveProductionAddress(id, d.productionUrl(), d.version(), d.encryptType());
        }
        Map<String, Sku> skus = catalog.skus(id).stream().collect(Collectors.toMap(Sku::skuCode, s -> s));
        for (DraftSku s : d.skus()) {
            Sku existing = skus.remove(s.skuCode());
            if (existing == null) {
                catalog.addSku(id, s.toNewSku());
            } else {
                sales.rewriteSku(existing, s);
            }
        }
        skus.keySet().forEach(sales::delistSku);
        sales.saveProfile(id, ProductProfile.of(d));
        ProductSales.ProductRow row = sales.row(id).orElseThrow();
        if (row.state() == ProductState.DELISTED) {
            catalog.list(id);
        }
        return id;
    }

    private static void diff(List<Change> changes, String field, Object before, Object after) {
        String b = before == null ? "" : before.toString();
        String n = after == null ? "" : after.toString();
        if (!b.equals(n)) {
            changes.add(new Change(field, b, n));
        }
    }

    private static String support(ServiceSupport s) {
        return String.join(" | ", String.valueOf(s.content()), String.valueOf(s.hours()), String.valueOf(s.phone()),
                String.valueOf(s.email()));
    }

    private static String spec(DraftSku s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.name()).append(" · ").append(s.chargingMode());
        if (s.monthPrice() != null) {
            b.append(" · month ").append(s.monthPrice().toPlainString());
        }
        if (s.yearPrice() != null) {
            b.append(" · year ").append(s.yearPrice().toPlainString());
        }
        if (s.price() != null) {
            b.append(" · ").append(s.price().toPlainString());
        }
        if (s.unitPrice() != null) {
            b.append(" · ").append(s.unitPrice().toPlainString()).append(" / ").append(s.usageUnit());
        }
        if (s.trialDays() != null) {
            b.append(" · trial ").append(s.trialDays()).append(" d");
        }
        return b.toString();
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
