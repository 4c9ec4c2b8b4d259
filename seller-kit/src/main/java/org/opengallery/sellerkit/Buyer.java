package org.opengallery.sellerkit;

/**
 * Who bought: from Query Order's {@code buyerInfo} (V2) or the V1 request's parameters, with
 * {@code mobilePhone} and {@code email} already decrypted. Any field may be null: the product's "needs user
 * authorisation" setting decides what the platform passes.
 */
public record Buyer(String customerId, String customerName, String userId, String userName, String mobilePhone,
                    String email) {

    @Override
    public String toString() {
        // Contact details are personal data: keep them out of logs.
        return "Buyer[customerId=" + customerId + ", customerName=" + customerName + ", userName=" + userName
                + ", mobilePhone=" + (mobilePhone == null ? null : "***") + ", email=" + (email == null ? null : "***")
                + "]";
    }
}
