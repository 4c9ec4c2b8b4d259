package org.opengallery.marketplace.delivery;

import java.util.List;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 生产接口消息 over JSON for the signed-in seller. The seller's id comes from the request attribute
 * {@code opengallery.sellerId}, which the access package sets once it has authenticated the seller; without it
 * the request is refused (401).
 */
@RestController
@RequestMapping("/api/v1/seller/production-interface-messages")
class ProductionInterfaceMessagesController {

    static final String SELLER_ID = "opengallery.sellerId";

    private final ProductionInterfaceMessages messages;

    ProductionInterfaceMessagesController(ProductionInterfaceMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    List<ProductionInterfaceMessage> list(@RequestAttribute(name = SELLER_ID, required = false) Long sellerId) {
        return messages.failures(seller(sellerId));
    }

    @GetMapping("/{callId}")
    ProductionInterfaceMessage one(@RequestAttribute(name = SELLER_ID, required = false) Long sellerId,
                                   @PathVariable long callId) {
        return messages.message(seller(sellerId), new CallId(callId))
                .orElseThrow(() -> ApiException.notFound("production-interface call", Long.toString(callId)));
    }

    @PostMapping("/{callId}/restart")
    ProductionInterfaceMessage restart(@RequestAttribute(name = SELLER_ID, required = false) Long sellerId,
                                       @PathVariable long callId) {
        return messages.restart(seller(sellerId), new CallId(callId));
    }

    private static long seller(Long sellerId) {
        if (sellerId == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "sign in as a seller");
        }
        return sellerId;
    }
}
