package org.opengallery.sellerkit;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.sync.SyncInterface;
import org.opengallery.protocol.v2.InMemoryNonceReplayGuard;
import org.opengallery.protocol.v2.NonceReplayGuard;
import org.opengallery.protocol.v2.SignatureVerifier;
import org.opengallery.sellerkit.internal.Answers;
import org.opengallery.sellerkit.internal.KitSettings;
import org.opengallery.sellerkit.internal.Lifecycle;
import org.opengallery.sellerkit.internal.ProvisioningRequest;
import org.opengallery.sellerkit.internal.Provisioner;
import org.opengallery.sellerkit.internal.SyncEndpoint;
import org.opengallery.sellerkit.internal.V1Endpoint;
import org.opengallery.sellerkit.internal.V2Endpoint;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.KitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seller's production interface for KooGallery (and OpenGallery): one entry point, {@link #handle}, takes an
 * HTTP exchange and returns the answer, so it plugs into any server. Every request is verified before seller
 * code runs; creates are idempotent and answered within the platform's timeout; V1 answers are signed and
 * their credentials encrypted.
 *
 * <p>Routing: a path ending in {@code /produceAPI/v2/<interface>} is a joint-operation sync; otherwise GET (or
 * POST with an {@code authToken} header) is V1, and POST is V2.
 *
 * <pre>{@code
 * SellerKit kit = SellerKit.builder()
 *         .basicKey(accessKey)            // V2 basic interfaces
 *         .seller(new MySaas())
 *         .orders(queryOrderClient)       // Query Order, for V2 order details
 *         .store(JdbcKitStore.create(dataSource))
 *         .build();
 * kit.start();                            // resumes provisioning left by a previous process
 * KitResponse answer = kit.handle(request);
 * }</pre>
 */
public final class SellerKit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SellerKit.class);

    /** Below KooGallery's 5-second timeout, with room for the network. */
    public static final Duration DEFAULT_ASYNC_BUDGET = Duration.ofSeconds(3);
    /** How long a node owns a create before another may take it over; must exceed the slowest provisioning. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);

    private final KitSettings settings;
    private final Provisioner provisioner;
    private final V2Endpoint v2;
    private final V1Endpoint v1;
    private final SyncEndpoint sync;
    private final boolean ownsExecutor;
    private final ScheduledExecutorService sweeper;

    private SellerKit(KitSettings settings, boolean ownsExecutor) {
        this.settings = settings;
        this.ownsExecutor = ownsExecutor;
        this.provisioner = new Provisioner(settings);
        Lifecycle lifecycle = new Lifecycle(settings);
        this.v2 = new V2Endpoint(settings, provisioner, lifecycle);
        this.v1 = new V1Endpoint(settings, provisioner, lifecycle);
        this.sync = new SyncEndpoint(settings);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("seller-kit-resume"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Answers one request. Never throws: an unexpected failure is answered {@code 000005} and logged. */
    public KitResponse handle(KitRequest request) {
        try {
            String path = request.path();
            if (path.contains(SyncInterface.PATH_PREFIX)) {
                SyncInterface target;
                try {
                    target = SyncInterface.fromPath(path);
                } catch (InvalidMessageException e) {
                    return Answers.httpError(404, e.getMessage());
                }
                if (!"POST".equalsIgnoreCase(request.method())) {
                    return Answers.httpError(405, "joint-operation sync takes POST");
                }
                return sync.handle(request, target);
            }
            if ("GET".equalsIgnoreCase(request.method())) {
                return v1.handle(request);
            }
            if ("POST".equalsIgnoreCase(request.method())) {
                return request.header("authToken").isPresent() ? v1.handle(request) : v2.handle(request);
            }
            return Answers.httpError(405, "the production interface takes GET (V1) or POST (V2)");
        } catch (RuntimeException e) {
            LOG.error("unexpected failure answering {} {}", request.method(), request.path(), e);
            return new Answers(null).result(ResultCode.Known.INTERNAL_ERROR, "internal error");
        }
    }

    /**
     * Resumes provisioning abandoned by a previous process now, and then periodically (every quarter of the
     * lease, at most every minute), so a crash delays a create but never loses it.
     */
    public SellerKit start() {
        long period = Math.max(1, Math.min(60, settings.lease().toSeconds() / 4));
        sweeper.scheduleWithFixedDelay(this::resumeAbandoned, 0, period, TimeUnit.SECONDS);
        return this;
    }

    /** Takes over and finishes creates whose owner stopped before finishing; returns how many. */
    public int resumeAbandoned() {
        try {
            return provisioner.resume(this::rebuild);
        } catch (RuntimeException e) {
            LOG.warn("could not resume abandoned provisioning: {}", e.getMessage());
            return 0;
        }
    }

    private java.util.function.Function<String, NewInstance> rebuild(ProvisioningRequest request) {
        return "v1".equals(request.protocol()) ? v1.rebuild(request) : v2.rebuild(request);
    }

    /** The store this kit records its state in. */
    public KitStore store() {
        return settings.store();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        if (ownsExecutor) {
            settings.executor().shutdown();
        }
    }

    @Override
    public String toString() {
        return "SellerKit[" + settings + "]";
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Configures a {@link SellerKit}. At least one of the basic, V1 and kit keys and a {@link SaasSeller} are
     * required; everything else has a documented default.
     */
    public static final class Builder {
        private String basicKey;
        private String v1Key;
        private String kitKey;
        private EncryptType encryptType = EncryptType.AES_256;
        private Clock clock = Clock.systemUTC();
        private Duration timeWindow = SignatureVerifier.DEFAULT_WINDOW;
        private NonceReplayGuard nonceGuard;
        private KitStore store;
        private OrderSource orders;
        private SaasSeller seller;
        private JointOperationSync sync;
        private PrivateKey syncPrivateKey;
        private Duration asyncBudget = DEFAULT_ASYNC_BUDGET;
        private Duration lease = DEFAULT_LEASE;
        private boolean v1AsyncCreate;
        private ExecutorService executor;

        private Builder() {
        }

        /** The access key bound to the V2 basic interfaces. */
        public Builder basicKey(String key) {
            this.basicKey = key;
            return this;
        }

        /** The V1 Key (服务商信息): V1 authToken, Body-Sign and the credential cipher. */
        public Builder v1Key(String key) {
            this.v1Key = key;
            return this;
        }

        /** The access key bound to the joint-operation sync interfaces. */
        public Builder kitKey(String key) {
            this.kitKey = key;
            return this;
        }

        /** One key for every interface type (convenient for tests and debugging; production keys differ per type). */
        public Builder accessKey(String key) {
            return basicKey(key).v1Key(key).kitKey(key);
        }

        /** The product's encryptType for V1 credentials; default {@code 1} (AES-256). */
        public Builder encryptType(EncryptType type) {
            this.encryptType = Objects.requireNonNull(type, "encryptType");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far a V2 timestamp may be from now; default 60 s. */
        public Builder timeWindow(Duration window) {
            this.timeWindow = Objects.requireNonNull(window, "timeWindow");
            return this;
        }

        /** Replay protection; default an in-memory guard (use {@code JdbcNonceReplayGuard} across nodes). */
        public Builder nonceGuard(NonceReplayGuard guard) {
            this.nonceGuard = Objects.requireNonNull(guard, "nonceGuard");
            return this;
        }

        /** Where operations and instances are kept; default in memory (lost on restart). */
        public Builder store(KitStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Query Order; without it V2 creates reach the seller without order details (and a warning is logged). */
        public Builder orders(OrderSource orders) {
            this.orders = orders;
            return this;
        }

        public Builder seller(SaasSeller seller) {
            this.seller = Objects.requireNonNull(seller, "seller");
            return this;
        }

        public Builder sync(JointOperationSync sync) {
            this.sync = sync;
            return this;
        }

        /** The private key matching the RSA public key uploaded with the app credential (decrypts clientSecret). */
        public Builder syncPrivateKey(PrivateKey key) {
            this.syncPrivateKey = key;
            return this;
        }

        /** How long a create waits for the seller before answering {@code 000004}; default 3 s. */
        public Builder asyncBudget(Duration budget) {
            this.asyncBudget = Objects.requireNonNull(budget, "asyncBudget");
            return this;
        }

        /** How long a node owns a running create; default 15 minutes. */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Whether a slow V1 create may answer {@code 000004} (the platform then polls queryInstance). Off by
         * default: V1 sellers are expected to answer synchronously, so the kit answers {@code 000005} and lets
         * the platform retry, and the retry joins the running provisioning.
         */
        public Builder v1AsyncCreate(boolean enabled) {
            this.v1AsyncCreate = enabled;
            return this;
        }

        /** Where seller code runs; default a cached pool of daemon threads, shut down by {@link #close()}. */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public SellerKit build() {
            if (isEmpty(basicKey) && isEmpty(v1Key) && isEmpty(kitKey)) {
                throw new IllegalStateException("configure at least one key: basicKey, v1Key or kitKey");
            }
            if (seller == null) {
                throw new IllegalStateException("configure the seller: the SaasSeller whose code provisions instances");
            }
            if (asyncBudget.isNegative() || asyncBudget.compareTo(Duration.ofSeconds(5)) >= 0) {
                throw new IllegalStateException("asyncBudget must be between 0 and the platform's 5 s timeout, got "
                        + asyncBudget);
            }
            if (lease.compareTo(asyncBudget) <= 0) {
                throw new IllegalStateException("lease must be longer than asyncBudget");
            }
            boolean ownsExecutor = executor == null;
            ExecutorService pool = ownsExecutor ? Executors.newCachedThreadPool(daemon("seller-kit-provisioning")) : executor;
            KitSettings settings = new KitSettings(emptyToNull(basicKey), emptyToNull(v1Key), emptyToNull(kitKey),
                    encryptType, clock, timeWindow,
                    nonceGuard != null ? nonceGuard : new InMemoryNonceReplayGuard(InMemoryNonceReplayGuard.DEFAULT_CAPACITY, clock),
                    store != null ? store : new InMemoryKitStore(), orders, seller, sync, syncPrivateKey, asyncBudget,
                    lease, v1AsyncCreate, pool);
            return new SellerKit(settings, ownsExecutor);
        }

        private static boolean isEmpty(String s) {
            return s == null || s.isEmpty();
        }

        private static String emptyToNull(String s) {
            return isEmpty(s) ? null : s;
        }
    }
}
