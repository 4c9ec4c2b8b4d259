package org.opengallery.sellerdemo;

import java.time.Clock;
import java.time.Instant;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.ChangeCheck;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.OrderNotification;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.SellerRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seller's side of every activity. The kit has verified, de-duplicated and decoded each request before it
 * gets here; this only does what a notes SaaS does for it.
 */
@Component
public class NotesSaas implements SaasSeller {

    private static final Logger LOG = LoggerFactory.getLogger(NotesSaas.class);
    static final String ADMIN = "admin";

    private final Workspaces workspaces;
    private final SellerDemoProperties properties;
    private final Plans plans;
    private final Clock clock;

    NotesSaas(Workspaces workspaces, SellerDemoProperties properties, Plans plans, Clock clock) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.plans = plans;
        this.clock = clock;
    }

    /** A workspace with an admin account and a random password; keyed by the kit's instanceId. */
    @Override
    public AppInfo newInstance(NewInstance order) {
        String password = Passwords.random();
        if (workspaces.find(order.instanceId()).isEmpty()) {
            Plan plan = plans.forSku(order.skuCode(), "order " + order.orderId());
            workspaces.create(new Workspace(order.instanceId(), order.orderId(), plan, plan.notesLimit(),
                    Workspace.Status.ACTIVE, order.chargingMode(), order.expireTime(), clock.instant()),
                    ADMIN, Passwords.hash(password));
        } else {
            // A provisioning resumed after a crash finds its half-made workspace: give the admin a fresh password.
            workspaces.resetPassword(order.instanceId(), ADMIN, Passwords.hash(password));
        }
        String base = properties.publicUrl() + "/t/" + order.instanceId();
        return new AppInfo(base + "/login", base + "/notes", ADMIN, password,
                "Team notes workspace " + order.instanceId());
    }

    @Override
    public void refreshInstance(InstanceRefresh refresh) {
        workspaces.setExpiry(refresh.instanceId(), refresh.expireTime());
    }

    @Override
    public void updateInstanceStatus(InstanceStatusUpdate update) {
        workspaces.setStatus(update.instanceId(), update.freeze() ? Workspace.Status.FROZEN : Workspace.Status.ACTIVE);
    }

    @Override
    public void releaseInstance(InstanceRelease release) {
        if (!workspaces.delete(release.instanceId())) {
            LOG.info("release of {}: nothing left to delete", release.instanceId());
        }
    }

    @Override
    public void upgradeInstance(InstanceUpgrade upgrade) {
        workspaces.setPlan(upgrade.instanceId(), plans.forSku(upgrade.skuCode(), "upgrade order " + upgrade.orderId()));
    }

    /** A downgrade below the notes a workspace already holds would lose data: refuse it. */
    @Override
    public void changeInstanceCheck(ChangeCheck check) {
        if (check.target() == null) {
            return;
        }
        Plan target = plans.forSku(check.target().skuCode(), "change check of " + check.instanceId());
        int notes = workspaces.countNotes(check.instanceId());
        if (notes > target.notesLimit()) {
            throw new SellerRefusal(ResultCode.Known.INTERNAL_ERROR, "workspace holds " + notes
                    + " notes, more than the " + target.notesLimit() + " of the " + target + " plan");
        }
    }

    @Override
    public void orderNotify(OrderNotification notification) {
        LOG.info("order {} placed ({})", notification.orderId(),
                notification.order() == null ? "details unavailable" : notification.order().orderType());
    }

    Instant now() {
        return clock.instant();
    }
}
