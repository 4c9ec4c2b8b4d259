package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The buyer of an order: Huawei Cloud account ({@code customerId}, {@code customerName}), IAM user
 * ({@code userId}, {@code userName}) and contact ({@code mobilePhone}, {@code email}; present only if the
 * product asks for user authorisation, and possibly encrypted as in V1, which is unconfirmed for V2).
 */
public record BuyerInfo(
        String customerId,
        String customerName,
        String userId,
        String userName,
        String mobilePhone,
        String email,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public BuyerInfo {
        extra = Fields.unknown(extra);
    }

    public BuyerInfo(String customerId, String customerName, String userId, String userName, String mobilePhone,
            String email) {
        this(customerId, customerName, userId, userName, mobilePhone, email, Map.of());
    }
}
