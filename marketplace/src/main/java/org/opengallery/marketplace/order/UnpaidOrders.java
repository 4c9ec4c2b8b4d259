package org.opengallery.marketplace.order;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Unpaid orders cancel themselves once their payment deadline ({@code opengallery.order.unpaid-timeout}, default
 * 30m, fixed at placement) has passed. The sweep is a db-scheduler recurring task (one node at a time) and a
 * single conditional UPDATE, so it is safe with several nodes; paying past the deadline is refused anyway.
 */
@Configuration(proxyBeanMethods = false)
class UnpaidOrders {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrders.class);

    @Bean
    RecurringTask<Void> unpaidOrderSweep(Orders orders,
            @Value("${opengallery.order.unpaid-sweep-interval:1m}") Duration interval) {
        return Tasks.recurring("order-unpaid-sweep", FixedDelay.of(interval)).execute((task, context) -> {
            int cancelled = orders.cancelUnpaid();
            if (cancelled > 0) {
                log.info("cancelled {} unpaid order(s) past their payment deadline", cancelled);
            }
        });
    }
}
