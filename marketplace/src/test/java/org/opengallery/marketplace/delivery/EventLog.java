package org.opengallery.marketplace.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the engine's events: {@code published} as they are published (with whether a transaction was
 * active), {@code committed} only after the transaction that published them committed. An optional trap throws
 * from the in-transaction listener to prove a listener's failure rolls the outcome back.
 */
@Component
class EventLog {

    record Published(DeliveryEvents event, boolean inTransaction) {}

    final List<Published> published = new CopyOnWriteArrayList<>();
    final List<DeliveryEvents> committed = new CopyOnWriteArrayList<>();
    volatile Predicate<DeliveryEvents> trap = e -> false;

    @EventListener
    void on(DeliveryEvents event) {
        published.add(new Published(event, TransactionSynchronizationManager.isActualTransactionActive()));
        if (trap.test(event)) {
            trap = e -> false;
            throw new IllegalStateException("listener trap");
        }
    }

    @TransactionalEventListener
    void afterCommit(DeliveryEvents event) {
        committed.add(event);
    }

    <T extends DeliveryEvents> List<T> committed(Class<T> type, Predicate<T> filter) {
        return committed.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }
}
