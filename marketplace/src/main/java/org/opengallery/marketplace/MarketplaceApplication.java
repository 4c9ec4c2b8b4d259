package org.opengallery.marketplace;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The marketplace: one Spring Boot application, one package per business capability. Each capability owns its
 * tables (its Flyway migrations name them) and is reached by the others only through its public service.
 */
@SpringBootApplication
public class MarketplaceApplication {

    /**
     * The marketplace's configuration file is {@code marketplace.properties}, not {@code application.properties}:
     * the {@code opengallery} jar also carries the reference seller, whose {@code application.properties} would
     * otherwise be read by whichever application starts first on the shared class path.
     */
    public static final String CONFIG_NAME = "marketplace";

    /** The one clock every capability reads; tests replace it to move time (expiry, freeze period, retries). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MarketplaceApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
