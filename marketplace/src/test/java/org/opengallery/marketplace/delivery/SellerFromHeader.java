package org.opengallery.marketplace.delivery;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Stands in for the access package: the seller id request attribute from an {@code X-Test-Seller} header. */
@TestConfiguration(proxyBeanMethods = false)
class SellerFromHeader {

    @Bean
    Filter testSellerFilter() {
        return (request, response, chain) -> {
            String seller = ((HttpServletRequest) request).getHeader("X-Test-Seller");
            if (seller != null) {
                request.setAttribute(ProductionInterfaceMessagesController.SELLER_ID, Long.valueOf(seller));
            }
            chain.doFilter(request, response);
        };
    }
}
