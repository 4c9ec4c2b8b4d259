package org.opengallery.marketplace.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.OrderNotification;
import org.opengallery.sellerkit.SaasSeller;

/** A seller that provisions in {@code provisionMillis} and records what the kit hands it. */
final class RecordingSeller implements SaasSeller {

    volatile long provisionMillis;
    final List<NewInstance> creates = new CopyOnWriteArrayList<>();
    final List<InstanceRefresh> refreshes = new CopyOnWriteArrayList<>();
    final List<InstanceStatusUpdate> statusUpdates = new CopyOnWriteArrayList<>();
    final List<InstanceRelease> releases = new CopyOnWriteArrayList<>();
    final List<InstanceUpgrade> upgrades = new CopyOnWriteArrayList<>();
    final List<OrderNotification> notifications = new CopyOnWriteArrayList<>();

    static String password(String instanceId) {
        return "pw+/=" + Math.abs(instanceId.hashCode());
    }

    @Override
    public AppInfo newInstance(NewInstance order) throws Exception {
        creates.add(order);
        if (provisionMillis > 0) {
            Thread.sleep(provisionMillis);
        }
        return new AppInfo("https://app.example.com/" + order.instanceId(), null, "admin",
                password(order.instanceId()), null);
    }

    @Override
    public void refreshInstance(InstanceRefresh refresh) {
        refreshes.add(refresh);
    }

    @Override
    public void updateInstanceStatus(InstanceStatusUpdate update) {
        statusUpdates.add(update);
    }

    @Override
    public void releaseInstance(InstanceRelease release) {
        releases.add(release);
    }

    @Override
    public void upgradeInstance(InstanceUpgrade upgrade) {
        upgrades.add(upgrade);
    }

    @Override
    public void orderNotify(OrderNotification notification) {
        notifications.add(notification);
    }
}
