package org.opengallery.marketplace;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The marketplace: one Spring Boot application, one package per business capability. Each capability owns its
 * tables (its Flyway migrations name them) and is reached by the others only through its public service.
 */
@SpringBootApplication
public class MarketplaceApplication {

    /** The one clock every capability reads; tests replace it to move time (expiry, freeze period, retries). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(MarketplaceApplication.class, args);
    }
}
