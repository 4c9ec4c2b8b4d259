package org.opengallery.app;

import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Keeps a command in the foreground until its Spring context closes: Ctrl-C through Spring's shutdown hook, or a
 * test's {@code stop()}. Watch before printing the ready line, so a close right after it is not missed.
 */
final class ContextClosed {

    private final CountDownLatch closed = new CountDownLatch(1);

    private ContextClosed() {}

    static ContextClosed watch(ConfigurableApplicationContext context) {
        ContextClosed watch = new ContextClosed();
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                watch.closed.countDown();
            }
        });
        return watch;
    }

    void await() throws InterruptedException {
        closed.await();
    }
}
