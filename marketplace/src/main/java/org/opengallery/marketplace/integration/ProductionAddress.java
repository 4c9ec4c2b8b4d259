package org.opengallery.marketplace.integration;

import java.time.Instant;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;

/**
 * A seller's production address (生产系统接口地址): where KooGallery calls the seller, in which interface version, its
 * verification, the instance the debug cases work on ({@code debugInstanceId}, from the last passing newInstance)
 * and the dial-test record ({@code dialFailingSince}: start of the current failing streak, null while passing).
 */
public record ProductionAddress(long id, long sellerId, String url, InterfaceVersion version, AddressStatus status,
        String statusReason, Instant verifiedAt, String debugInstanceId, Instant dialLastRunAt, Boolean dialLastPassed,
        Instant dialFailingSince, Instant dialFrozenAt, Instant createdAt) {

    public boolean verified() {
        return status == AddressStatus.VERIFIED;
    }
}
