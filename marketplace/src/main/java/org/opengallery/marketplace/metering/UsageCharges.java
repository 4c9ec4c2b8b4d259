package org.opengallery.marketplace.metering;

/**
 * PORT, implemented beside it by an adapter (buyer / order): posts rated usage to the buyer's charges.
 *
 * <p>Called inside the transaction that stores the usage record, once per record: if it throws, the record is
 * not stored (the push answers {@code MKT.0999} and the seller's retry tries again). An implementation on the
 * marketplace's own database should join that transaction (plain {@code JdbcClient}/{@code JdbcTemplate} on the
 * same {@code DataSource} does); {@link UsageCharge#chargeId()} is unique per record, so an implementation that
 * cannot join it can deduplicate on it.
 */
@FunctionalInterface
public interface UsageCharges {

    void charge(UsageCharge charge);
}
