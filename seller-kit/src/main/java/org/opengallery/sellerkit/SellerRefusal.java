package org.opengallery.sellerkit;

import java.util.Objects;
import org.opengallery.protocol.message.ResultCode;

/**
 * Thrown by seller code to answer a specific result code, e.g. {@code 000106} (sold out) from
 * {@code newInstance} or a refusal from {@code changeInstanceCheck}. The message is answered to the platform
 * as {@code resultMsg}, so it must be safe to show.
 */
public class SellerRefusal extends RuntimeException {

    private final ResultCode resultCode;

    public SellerRefusal(ResultCode resultCode, String message) {
        super(message);
        this.resultCode = Objects.requireNonNull(resultCode, "resultCode");
        if (resultCode.isSuccess()) {
            throw new IllegalArgumentException("a refusal cannot answer success");
        }
    }

    public ResultCode resultCode() {
        return resultCode;
    }
}
