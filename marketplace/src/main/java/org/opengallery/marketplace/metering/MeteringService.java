package org.opengallery.marketplace.metering;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.message.usage.UsageRecordErrorCode.Known;
import org.opengallery.protocol.message.usage.UsageViolation;
import org.opengallery.protocol.time.ProtocolTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Metering's public service: takes in a seller's usage records (checks each against the per-record rules, stores
 * the accepted ones in {@code metering_usage} and rates each into one buyer charge), and lists usage and charges
 * per instance.
 *
 * <p>Rating: {@code amount = usage_value × unit price}, exact {@link BigDecimal} arithmetic, never rounded.
 * Idempotency: {@code (seller, metering_sn)} is unique; a record whose {@code metering_sn} is already stored with
 * the same content (instance, record/begin/end time, value) is the same record retried and is answered as
 * accepted without being stored or charged again; with other content it is refused with {@code 005}. Each record
 * is stored and charged in its own transaction, so concurrent pushes on several nodes charge a record once (the
 * unique constraint decides).
 *
 * <p>It reaches instances and buyers through its ports ({@link MeteredInstances}, {@link UsageCharges}),
 * implemented by adapters over the instance, catalog, seller and buyer capabilities.
 */
@Service
public class MeteringService {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringService.class);
    private static final int MAX_PRICE_SCALE = 10;
    private static final int MAX_USAGE_INTEGER_DIGITS = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeteredInstances instances;
    private final UsageCharges charges;
    private final Duration maxRecordAge;
    private final Duration futureSkew;

    public MeteringService(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            MeteredInstances instances, UsageCharges charges,
            @Value("${opengallery.metering.max-record-age:P21D}") Duration maxRecordAge,
            @Value("${opengallery.metering.future-skew:PT5M}") Duration futureSkew) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.instances = instances;
        this.charges = charges;
        this.maxRecordAge = maxRecordAge;
        this.futureSkew = futureSkew;
    }

    /** How old a record's begin and record time may be (21 days, the spec's validity). */
    public Duration maxRecordAge() {
        return maxRecordAge;
    }

    /**
     * The instances among {@code instanceIds} that exist, by id (each looked up once).
     */
    public Map<String, MeteredInstance> instances(Collection<String> instanceIds) {
        MeteredInstances port = instances;
        Map<String, MeteredInstance> found = new LinkedHashMap<>();
        for (String id : new java.util.LinkedHashSet<>(instanceIds)) {
            if (id == null || id.isEmpty()) {
                continue;
            }
            Optional<MeteredInstance> instance = Objects.requireNonNull(port.byInstanceId(id),
                    "MeteredInstances returned null instead of Optional.empty()");
            instance.ifPresent(i -> found.put(id, i));
        }
        return found;
    }

    /**
     * Takes in the records {@code sellerId} pushed: checks each, stores and charges the accepted ones (a retried
     * record counts as accepted), returns the refused ones in push order.
     *
     * @param known the records' instances as {@link #instances(Collection)} found them
     * @throws RuntimeException if storing or charging fails; records before the failing one stay accepted, the
     *     failing one and those after it are not stored (resending the whole push is safe)
     */
    public List<UsageRejection> intake(String sellerId, List<UsageRecord> records, Map<String, MeteredInstance> known) {
        Objects.requireNonNull(sellerId, "sellerId");
        UsageCharges chargePort = charges;
        List<UsageRejection> rejections = new ArrayList<>();
        Set<String> seenSns = new HashSet<>();
        Instant now = clock.instant();
        for (int i = 0; i < records.size(); i++) {
            UsageRecord record = records.get(i);
            Optional<UsageRejection> rejection = check(i, sellerId, record, known, seenSns, now);
            if (rejection.isEmpty()) {
                rejection = store(i, sellerId, record, known.get(record.instanceId()), chargePort, now);
            }
            rejection.ifPresent(rejections::add);
        }
        return rejections;
    }

    private Optional<UsageRejection> check(int index, String sellerId, UsageRecord record,
            Map<String, MeteredInstance> known, Set<String> seenSns, Instant now) {
        List<UsageViolation> violations = record.violations();
        if (!violations.isEmpty()) {
            UsageViolation first = violations.get(0);
            return reject(index, record, first.code(), first.field() + ": " + first.detail());
        }
        BigDecimal value = record.usageValue();
        if (value.precision() - value.scale() > MAX_USAGE_INTEGER_DIGITS) {
            return reject(index, record, Known.INVALID_USAGE_VALUE,
                    "usage_value: more than " + MAX_USAGE_INTEGER_DIGITS + " integer digits");
        }
        if (record.meteringSn().length() > 64 || record.instanceId().length() > 64) {
            return reject(index, record, Known.INVALID_USAGE_VALUE, "metering_sn and instance_id are at most 64 characters");
        }
        if (!seenSns.add(record.meteringSn())) {
            return reject(index, record, Known.DUPLICATE_METERING_SN,
                    "metering_sn: appears more than once in this push");
        }
        MeteredInstance instance = known.get(record.instanceId());
        if (instance == null) {
            return reject(index, record, Known.INSTANCE_NOT_FOUND, "instance_id: no such instance");
        }
        if (!instance.sellerId().equals(sellerId)) {
            return reject(index, record, Known.INSTANCE_SELLER_MISMATCH,
                    "instance_id: the instance is not of a product of the seller whose key signed the push");
        }
        if (!instance.chargingMode().equals(ChargingMode.Known.ON_DEMAND)) {
            return reject(index, record, Known.NOT_PAY_PER_USE,
                    "instance_id: the instance is charged " + instance.chargingMode().code() + ", not ON_DEMAND");
        }
        if (instance.status() != MeteredInstance.Status.RUNNING) {
            return reject(index, record, Known.ABNORMAL_INSTANCE_STATUS,
                    "instance_id: the instance is " + instance.status() + ", usage is accepted while RUNNING");
        }
        Instant recordTime = ProtocolTime.parseIsoBasic(record.recordTime());
        Instant end = ProtocolTime.parseIsoBasic(record.endTime());
        if (recordTime.isBefore(now.minus(maxRecordAge))) {
            return reject(index, record, Known.RECORD_TIME_EXPIRED,
                    "record_time: more than " + maxRecordAge.toDays() + " days ago");
        }
        Instant latest = now.plus(futureSkew);
        if (end.isAfter(latest) || recordTime.isAfter(latest)) {
            return reject(index, record, Known.INVALID_TIME_RANGE, "end_time and record_time must not be in the future");
        }
        return Optional.empty();
    }

    private Optional<UsageRejection> store(int index, String sellerId, UsageRecord record, MeteredInstance instance,
            UsageCharges chargePort, Instant now) {
        Optional<MeteredUsage> existing = find(sellerId, record.meteringSn());
        if (existing.isPresent()) {
            return sameRecordOrDuplicate(index, record, existing.get());
        }
        BigDecimal unitPrice = instance.unitPrice();
        if (unitPrice == null || unitPrice.signum() < 0 || unitPrice.stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
            throw new IllegalStateException("instance " + instance.instanceId() + " has no usable unit price (at most "
                    + MAX_PRICE_SCALE + " decimals, not negative)");
        }
        BigDecimal amount = record.usageValue().multiply(unitPrice);
        try {
            tx.executeWithoutResult(status -> {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO metering_usage (seller_id, metering_sn, instance_id, buyer_id, product_id,
                            record_time, begin_time, end_time, usage_value, unit_price, amount, relate_pkg_instance,
                            accepted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(sellerId, record.meteringSn(), record.instanceId(), instance.buyerId(),
                                instance.productId(), utc(ProtocolTime.parseIsoBasic(record.recordTime())),
                                utc(ProtocolTime.parseIsoBasic(record.beginTime())),
                                utc(ProtocolTime.parseIsoBasic(record.endTime())), record.usageValue(), unitPrice,
                                amount, record.relatePkgInstance(), utc(now))
                        .update(key, "id");
                long id = Objects.requireNonNull(key.getKey(), "generated id").longValue();
                chargePort.charge(new UsageCharge("usage-" + id, instance.buyerId(), sellerId, instance.instanceId(),
                        instance.productId(), record.meteringSn(), ProtocolTime.parseIsoBasic(record.beginTime()),
                        ProtocolTime.parseIsoBasic(record.endTime()), record.usageValue(), unitPrice, amount));
            });
        } catch (DuplicateKeyException raced) {
            // another push (another node) stored this metering_sn between our look-up and our insert
            return find(sellerId, record.meteringSn())
                    .map(stored -> sameRecordOrDuplicate(index, record, stored))
                    .orElseThrow(() -> raced);
        }
        LOG.debug("usage accepted: seller {} instance {} metering_sn {}", sellerId, record.instanceId(),
                record.meteringSn());
        return Optional.empty();
    }

    private static Optional<UsageRejection> sameRecordOrDuplicate(int index, UsageRecord record, MeteredUsage stored) {
        boolean same = stored.instanceId().equals(record.instanceId())
                && stored.recordTime().equals(ProtocolTime.parseIsoBasic(record.recordTime()))
                && stored.beginTime().equals(ProtocolTime.parseIsoBasic(record.beginTime()))
                && stored.endTime().equals(ProtocolTime.parseIsoBasic(record.endTime()))
                && stored.usageValue().compareTo(record.usageValue()) == 0;
        if (same) {
            return Optional.empty();
        }
        return reject(index, record, Known.DUPLICATE_METERING_SN,
                "metering_sn: already used by another record of this seller");
    }

    /** Every accepted usage record of an instance, oldest metering period first. */
    public List<MeteredUsage> usageOf(String instanceId) {
        return jdbc.sql("SELECT * FROM metering_usage WHERE instance_id = ? ORDER BY begin_time, id")
                .param(instanceId).query(MeteringService::row).list();
    }

    /** The sum of what an instance's usage was charged, exact; zero when it has none. */
    public BigDecimal chargedFor(String instanceId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM metering_usage WHERE instance_id = ?")
                .param(instanceId).query(BigDecimal.class).single();
    }

    /** Charges per instance of a buyer, exact, by instance id. */
    public Map<String, BigDecimal> chargesOfBuyer(String buyerId) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM metering_usage WHERE buyer_id = ? ORDER BY instance_id, begin_time, id")
                .param(buyerId).query(MeteringService::row).list()
                .forEach(u -> totals.merge(u.instanceId(), u.amount(), BigDecimal::add));
        return totals;
    }

    private Optional<MeteredUsage> find(String sellerId, String meteringSn) {
        return jdbc.sql("SELECT * FROM metering_usage WHERE seller_id = ? AND metering_sn = ?")
                .params(sellerId, meteringSn).query(MeteringService::row).optional();
    }

    private static MeteredUsage row(ResultSet rs, int n) throws SQLException {
        return new MeteredUsage(rs.getLong("id"), rs.getString("seller_id"), rs.getString("metering_sn"),
                rs.getString("instance_id"), rs.getString("buyer_id"), rs.getString("product_id"),
                instant(rs, "record_time"), instant(rs, "begin_time"), instant(rs, "end_time"),
                rs.getBigDecimal("usage_value"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"),
                instant(rs, "accepted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Optional<UsageRejection> reject(int index, UsageRecord record, Known code, String message) {
        return Optional.of(new UsageRejection(index, record.meteringSn(), record.instanceId(), code, message));
    }
}
