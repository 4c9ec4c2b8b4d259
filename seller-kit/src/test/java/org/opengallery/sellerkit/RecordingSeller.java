package org.opengallery.sellerkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opengallery.protocol.message.instance.AppInfo;

/** A seller that records every call the kit makes to it, and can be told to be slow or to fail. */
class RecordingSeller implements SaasSeller {

    final List<NewInstance> created = new CopyOnWriteArrayList<>();
    final List<Object> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger newInstanceCalls = new AtomicInteger();
    volatile Duration provisioningTime = Duration.ZERO;
    volatile CountDownLatch provisioningGate;
    volatile RuntimeException failNext;
    volatile String password = "Init#Pass1";

    @Override
    public AppInfo newInstance(NewInstance order) throws Exception {
        newInstanceCalls.incrementAndGet();
        created.add(order);
        if (provisioningGate != null) {
            provisioningGate.await(30, TimeUnit.SECONDS);
        }
        Thread.sleep(provisioningTime.toMillis());
        RuntimeException failure = failNext;
        if (failure != null) {
            failNext = null;
            throw failure;
        }
        return new AppInfo("https://notes.example/t/" + order.instanceId(), "https://notes.example/admin",
                "admin", password, "welcome");
    }

    @Override
    public void refreshInstance(InstanceRefresh refresh) {
        calls.add(refresh);
    }

    @Override
    public void updateInstanceStatus(InstanceStatusUpdate update) {
        calls.add(update);
    }

    @Override
    public void releaseInstance(InstanceRelease release) {
        calls.add(release);
    }

    @Override
    public void upgradeInstance(InstanceUpgrade upgrade) {
        calls.add(upgrade);
    }

    @Override
    public void orderNotify(OrderNotification notification) {
        calls.add(notification);
    }

    @Override
    public String getLicense(NewInstance order) {
        calls.add(order);
        return "LIC-" + order.orderId();
    }

    long callsOf(Class<?> type) {
        return calls.stream().filter(type::isInstance).count();
    }
}
