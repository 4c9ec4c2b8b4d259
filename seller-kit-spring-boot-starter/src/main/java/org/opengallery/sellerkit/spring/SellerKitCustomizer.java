package org.opengallery.sellerkit.spring;

import org.opengallery.sellerkit.SellerKit;

/** A hook for what properties cannot say (an executor, a clock, a custom store): applied before build(). */
@FunctionalInterface
public interface SellerKitCustomizer {

    void customize(SellerKit.Builder builder);
}
