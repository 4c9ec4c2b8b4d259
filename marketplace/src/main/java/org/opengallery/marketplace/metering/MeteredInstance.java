package org.opengallery.marketplace.metering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * An instance as metering sees it.
 *
 * @param instanceId the seller's instance id (what usage records name)
 * @param sellerId the seller whose product the instance is
 * @param sellerBasicKeys the seller's keys bound to the basic interfaces, current first; a usage push is signed
 *     with one of them (several while a key is being rotated). Secrets: never logged, {@link #toString()} hides them
 * @param productId the product bought
 * @param chargingMode how the instance is charged; usage is accepted for {@code ON_DEMAND} only
 * @param status where the instance is in its life; usage is accepted while {@link Status#RUNNING}
 * @param unitPrice the SKU's price per unit of usage, at most 10 decimals
 * @param buyerId the buyer who pays the usage
 */
public record MeteredInstance(
        String instanceId,
        String sellerId,
        List<String> sellerBasicKeys,
        String productId,
        ChargingMode chargingMode,
        Status status,
        BigDecimal unitPrice,
        String buyerId) {

    public MeteredInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(sellerId, "sellerId");
        sellerBasicKeys = List.copyOf(sellerBasicKeys);
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(chargingMode, "chargingMode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(buyerId, "buyerId");
    }

    /** The instance states metering distinguishes; the integrator maps the instance capability's onto them. */
    public enum Status {
        /** Being created; not yet usable. */
        PROVISIONING,
        /** In service: the only state that accepts usage. */
        RUNNING,
        /** Frozen (expired or in arrears). */
        FROZEN,
        /** Released, or unsubscribed. */
        RELEASED
    }

    @Override
    public String toString() {
        return "MeteredInstance[instanceId=" + instanceId + ", sellerId=" + sellerId + ", sellerBasicKeys=<"
                + sellerBasicKeys.size() + " redacted>, productId=" + productId + ", chargingMode="
                + chargingMode.code() + ", status=" + status + ", unitPrice=" + unitPrice + ", buyerId=" + buyerId
                + "]";
    }
}
