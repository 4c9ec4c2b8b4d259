package org.opengallery.marketplace.delivery;

import java.util.List;
import org.opengallery.marketplace.access.ApiCaller;
import org.opengallery.marketplace.access.Caller;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 生产接口消息 over JSON for the seller whose bearer token signs the request (401 without, 403 for other roles). */
@RestController
@RequestMapping("/api/v1/seller/production-interface-messages")
class ProductionInterfaceMessagesController {

    private final ProductionInterfaceMessages messages;

    ProductionInterfaceMessagesController(ProductionInterfaceMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    List<ProductionInterfaceMessage> list(@Caller(Role.SELLER) ApiCaller seller) {
        return messages.failures(seller.id());
    }

    @GetMapping("/{callId}")
    ProductionInterfaceMessage one(@Caller(Role.SELLER) ApiCaller seller,
                                   @PathVariable long callId) {
        return messages.message(seller.id(), new CallId(callId))
                .orElseThrow(() -> ApiException.notFound("production-interface call", Long.toString(callId)));
    }

    @PostMapping("/{callId}/restart")
    ProductionInterfaceMessage restart(@Caller(Role.SELLER) ApiCaller seller,
                                       @PathVariable long callId) {
        return messages.restart(seller.id(), new CallId(callId));
    }
}
