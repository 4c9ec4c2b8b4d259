package org.opengallery.marketplace;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * db-scheduler's polling on PostgreSQL: {@code lock-and-fetch}, which picks a batch of due executions in one
 * statement ({@code UPDATE … WHERE … FOR UPDATE SKIP LOCKED RETURNING}) instead of a select followed by one
 * optimistic-lock update per execution. Picking stays exclusive per execution, so several nodes on one database
 * still never run the same call at once, and an execution picked by a node that dies is revived as before.
 * H2 cannot do it (no SKIP LOCKED in db-scheduler's H2 dialect), so the default {@code fetch} stays there; an
 * explicit {@code db-scheduler.polling-strategy} always wins.
 *
 * <p>Decided when the properties bean is made, not in an environment post-processor, so a data source set by an
 * initializer (as the tests' fresh database is) counts.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerPolling {

    static final String STRATEGY = "db-scheduler.polling-strategy";

    @Bean
    static BeanPostProcessor lockAndFetchOnPostgres(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DbSchedulerProperties p && !environment.containsProperty(STRATEGY)
                        && String.valueOf(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:")) {
                    p.setPollingStrategy(PollingStrategyConfig.Type.LOCK_AND_FETCH);
                    p.setPollingStrategyLowerLimitFractionOfThreads(environment.getProperty(
                            "db-scheduler.polling-strategy-lower-limit-fraction-of-threads", Double.class, 0.5));
                    p.setPollingStrategyUpperLimitFractionOfThreads(environment.getProperty(
                            "db-scheduler.polling-strategy-upper-limit-fraction-of-threads", Double.class, 2.0));
                }
                return bean;
            }
        };
    }
}
