package org.opengallery.sellerkit.internal;

import java.util.Map;
import org.opengallery.protocol.message.ProtocolJson;

/**
 * The part of a create request that must outlive the process: stored with the operation, so that a
 * provisioning abandoned by a crash can be rebuilt and finished by the next process.
 *
 * @param protocol     {@code v2} or {@code v1}
 * @param license      a V1 {@code getLicense} rather than a SaaS create
 * @param v1Parameters the decoded V1 parameters as received (mobilePhone and email still encrypted)
 */
public record ProvisioningRequest(String protocol, boolean license, String orderId, String orderLineId,
                                  String businessId, boolean debug, Map<String, String> v1Parameters) {

    public ProvisioningRequest {
        v1Parameters = v1Parameters == null ? Map.of() : Map.copyOf(v1Parameters);
    }

    public String toJson() {
        return ProtocolJson.write(this);
    }

    public static ProvisioningRequest fromJson(String json) {
        return ProtocolJson.read(json, ProvisioningRequest.class);
    }
}
