package org.opengallery.marketplace.onboarding;

import java.time.Instant;

/** A signed cooperation agreement: with which entity, which text, by which login and when. */
public record Agreement(long sellerId, ContractingEntity entity, String agreement, String signedBy, Instant signedAt) {

    /** 《云商店商家合作协议》: the agreement signed with Huawei Cloud on onboarding (platform.md §1.4). */
    public static final String COOPERATION = "云商店商家合作协议";
}
