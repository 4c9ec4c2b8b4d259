package org.opengallery.protocol.v2;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link NonceReplayGuard} in one process's memory, bounded: it forgets a nonce once its time is past and,
 * when full, the oldest nonce first — so a flood of requests costs bounded memory, at the price of possibly
 * accepting a replay of a nonce pushed out early. Size it above the number of requests one window can hold.
 */
public final class InMemoryNonceReplayGuard implements NonceReplayGuard {

    /** Default capacity: one request every 1.2 ms for a whole 60-second window. */
    public static final int DEFAULT_CAPACITY = 50_000;

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public InMemoryNonceReplayGuard() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public InMemoryNonceReplayGuard(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstUse(String nonce, Instant forgetAfter) {
        Instant now = clock.instant();
        forgetExpired(now);
        Instant until = seen.get(nonce);
        if (until != null && !until.isBefore(now)) {
            return false;
        }
        seen.remove(nonce);
        while (seen.size() >= capacity) {
            Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(nonce, forgetAfter);
        return true;
    }

    /** How many nonces are remembered now. */
    public synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        // Entries are in insertion order, which is close to time order; sweep until the first live one.
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isBefore(now)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
