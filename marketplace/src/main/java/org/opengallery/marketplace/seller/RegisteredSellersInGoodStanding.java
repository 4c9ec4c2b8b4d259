package org.opengallery.marketplace.seller;

import org.springframework.stereotype.Component;

/** Until onboarding lands: every registered seller may publish (replaced by the onboarding capability's answer). */
@Component
class RegisteredSellersInGoodStanding implements SellerStanding {

    @Override
    public Standing of(long sellerId) {
        return new Standing(true, true, true);
    }
}
