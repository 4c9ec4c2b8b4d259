package org.opengallery.marketplace.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole marketplace on a random port, on a fresh database (PostgreSQL when reachable, H2 otherwise), with a
 * {@link MutableClock} that tests move forward. Connection pools are small: see the properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + org.opengallery.marketplace.MarketplaceApplication.CONFIG_NAME,
                // Spring keeps every test context (and its pool) open for the run; small pools keep several test JVMs
                // on one PostgreSQL under its 100 connections.
                "spring.datasource.hikari.maximum-pool-size=8", "spring.datasource.hikari.minimum-idle=1"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(MutableClock.Configuration.class)
public @interface MarketplaceTest {}
