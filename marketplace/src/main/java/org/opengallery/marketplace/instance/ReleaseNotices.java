package org.opengallery.marketplace.instance;

import java.util.Locale;
import org.opengallery.marketplace.buyer.Buyer;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the buyer (message center and e-mail) that the lifecycle clock released an expired instance; posted in the
 * transaction that releases it. An unsubscription's release is told by the order capability when it completes.
 */
@Component
class ReleaseNotices {

    private static final Locale PLATFORM = Locale.SIMPLIFIED_CHINESE;

    private final Notices notices;
    private final Buyers buyers;
    private final Catalog catalog;
    private final MessageSource texts;

    ReleaseNotices(Notices notices, Buyers buyers, Catalog catalog, MessageSource texts) {
        this.notices = notices;
        this.buyers = buyers;
        this.catalog = catalog;
        this.texts = texts;
    }

    void released(Instance i) {
        String product = catalog.product(i.catalogProductId()).map(Product::name).orElse(i.skuCode());
        Object[] args = {product, i.instanceId() == null ? "#" + i.key() : i.instanceId()};
        notices.post(Recipient.buyer(i.buyerId()), buyers.buyer(i.buyerId()).map(Buyer::email).orElse(null),
                "INSTANCE_RELEASED", texts.getMessage("console.notice.released.title", args, PLATFORM),
                texts.getMessage("console.notice.released.body", args, PLATFORM), "/buyer/services/" + i.key());
    }
}
