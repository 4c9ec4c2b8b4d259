package org.opengallery.marketplace.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points each Spring test context at its own fresh database (see {@link TestDatabase}). */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opengallery-test-database", Map.of(
                "spring.datasource.url", TestDatabase.freshJdbcUrl(),
                "spring.datasource.username", TestDatabase.user(),
                "spring.datasource.password", "")));
    }
}
