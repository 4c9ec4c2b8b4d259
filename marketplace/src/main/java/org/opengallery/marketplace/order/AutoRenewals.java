package org.opengallery.marketplace.order;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.opengallery.marketplace.buyer.Buyer;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * 自动续费: instances whose buyer chose automatic renewal (修改到期策略) renew one period of their period type from the
 * balance once they are within {@code opengallery.order.auto-renew-lead} (default 1 day, our choice: KooGallery's
 * own lead time is not documented) of expiry. Each instance is tried once per expiry — claimed with a conditional
 * UPDATE, so two nodes never renew it twice — and the buyer is told either way; when the balance does not cover it
 * the order is cancelled and the instance expires as usual (frozen, then released), unless renewed by hand.
 */
@Service
public class AutoRenewals {

    private static final Logger log = LoggerFactory.getLogger(AutoRenewals.class);
    static final int BATCH = 200;

    private final Orders orders;
    private final Instances instances;
    private final Buyers buyers;
    private final Notices notices;
    private final Clock clock;
    private final Duration lead;

    AutoRenewals(Orders orders, Instances instances, Buyers buyers, Notices notices, Clock clock,
            @Value("${opengallery.order.auto-renew-lead:1d}") Duration lead) {
        this.orders = orders;
        this.instances = instances;
        this.buyers = buyers;
        this.notices = notices;
        this.clock = clock;
        this.lead = lead;
    }

    /** One pass: renews every instance due; returns how many renewed. */
    public int renewDue() {
        int renewed = 0;
        for (Instance instance : instances.dueForAutoRenewal(clock.instant().plus(lead), BATCH)) {
            if (!instances.claimAutoRenewal(instance.key(), instance.expireTime())) {
                continue;
            }
            String email = buyers.buyer(instance.buyerId()).map(Buyer::email).orElse(null);
            Order order = null;
            try {
                order = orders.renew(instance.buyerId(), instance.instanceId(), null, 1);
                orders.pay(instance.buyerId(), order.orderId());
                renewed++;
                notices.post(Recipient.buyer(instance.buyerId()), email, "AUTO_RENEWED",
                        "自动续费成功 / Renewed automatically",
                        "实例 " + instance.instanceId() + " 已按到期策略自动续费一个周期, 订单 " + order.orderId() + "。\n"
                                + "Instance " + instance.instanceId() + " was renewed for one period by its expiry"
                                + " policy; order " + order.orderId() + ".",
                        "/buyer/orders/" + order.orderId());
            } catch (ApiException e) {
                if (order != null) {
                    cancelQuietly(instance.buyerId(), order.orderId());
                }
                log.info("automatic renewal of instance {} not done: {}", instance.instanceId(), e.error());
                notices.post(Recipient.buyer(instance.buyerId()), email, "AUTO_RENEW_FAILED",
                        "自动续费失败 / Automatic renewal failed",
                        "实例 " + instance.instanceId() + " 未能自动续费: " + e.getMessage() + "。请充值后手动续费, 否则到期后将被冻结。\n"
                                + "Instance " + instance.instanceId() + " could not renew automatically: " + e.getMessage()
                                + ". Top up and renew by hand, or it is frozen when it expires.",
                        "/buyer/services/" + instance.key());
            }
        }
        return renewed;
    }

    private void cancelQuietly(long buyerId, String orderId) {
        try {
            orders.cancel(buyerId, orderId);
        } catch (ApiException e) {
            log.warn("unpaid automatic renewal order {} not cancelled: {}", orderId, e.error());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> autoRenewalPass(AutoRenewals renewals,
                @Value("${opengallery.order.auto-renew-interval:10m}") Duration interval) {
            return Tasks.recurring("order-auto-renewal", FixedDelay.of(interval)).execute((task, context) -> {
                int renewed = renewals.renewDue();
                if (renewed > 0) {
                    log.info("renewed {} instance(s) automatically", renewed);
                }
            });
        }
    }
}
