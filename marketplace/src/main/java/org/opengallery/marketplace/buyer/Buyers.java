package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer capability's public service: accounts and their balance. Every movement of money is one ledger row,
 * unique per (kind, reference), and the balance only ever moves through a conditional UPDATE, so concurrent
 * debits can never take it below zero and the same reference is never booked twice.
 */
@Service
public class Buyers {

    enum Movement { TOP_UP, CHARGE, REFUND, USAGE, ADJUST }

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.@-]{3,100}");

    private final JdbcClient jdbc;
    private final Clock clock;

    public Buyers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Buyer register(String login, String name, String mobilePhone, String email) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw ApiException.badRequest("invalid_buyer", "a buyer login is 3 to 100 letters, digits or _ . @ -");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("invalid_buyer", "a buyer needs a name of 1 to 200 characters");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.badRequest("invalid_buyer", "the e-mail must be an address like name@example.com");
        }
        if (mobilePhone != null && !mobilePhone.matches("\\+?[0-9 -]{5,32}")) {
            throw ApiException.badRequest("invalid_buyer", "the mobile phone is digits, optionally with + - and spaces");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO buyer (login, name, mobile_phone, email, balance, created_at)
                    VALUES (:login, :name, :phone, :email, 0, :now)""")
                    .param("login", login).param("name", name.strip()).param("phone", mobilePhone).param("email", email)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("login_taken", "a buyer with login " + login + " already exists");
        }
        return new Buyer(keys.getKey().longValue(), login, name.strip(), mobilePhone, email, BigDecimal.ZERO.setScale(2));
    }

    public Optional<Buyer> buyerByLogin(String login) {
        return jdbc.sql("SELECT id, login, name, mobile_phone, email, balance FROM buyer WHERE login = :login")
                .param("login", login)
                .query((rs, n) -> new Buyer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6)))
                .optional();
    }

    public Optional<Buyer> buyer(long buyerId) {
        return jdbc.sql("SELECT id, login, name, mobile_phone, email, balance FROM buyer WHERE id = :id")
                .param("id", buyerId)
                .query((rs, n) -> new Buyer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6)))
                .optional();
    }

    public BigDecimal balance(long buyerId) {
        return existing(buyerId).balance();
    }

    /** Adds money to the balance (a recharge); {@code reference} identifies the recharge and books it once. */
    @Transactional
    public void topUp(long buyerId, BigDecimal amount, String reference) {
        existing(buyerId);
        positive(amount, "a top-up");
        if (booked(Movement.TOP_UP, reference)) {
            return;
        }
        book(buyerId, Movement.TOP_UP, amount, reference);
        jdbc.sql("UPDATE buyer SET balance = balance + :amount WHERE id = :id")
                .param("amount", amount).param("id", buyerId).update();
    }

    /**
     * Charges rated pay-per-use usage. All or nothing: when the balance does not cover it nothing is taken and
     * {@link UsageCharge#INSUFFICIENT_BALANCE} says so. A reference already charged is not charged again.
     */
    @Transactional
    public UsageCharge chargeUsage(long buyerId, BigDecimal amount, String reference) {
        existing(buyerId);
        if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("a usage charge is 0 or more with at most 2 decimals, got " + amount);
        }
        if (booked(Movement.USAGE, reference)) {
            return UsageCharge.ALREADY_CHARGED;
        }
        if (!debit(buyerId, amount)) {
            return UsageCharge.INSUFFICIENT_BALANCE;
        }
        book(buyerId, Movement.USAGE, amount, reference);
        return UsageCharge.CHARGED;
    }

    /**
     * Debits for an order payment; see {@link Payment#charge}. Two statements when it succeeds (it is in every
     * payment): the conditional debit, then the ledger row booked only if the reference is new. Either refusal throws,
     * so the transaction rolls back whatever was written; the reads that tell which refusal it is run only then, in
     * the order the refusals always had (unknown buyer, already charged, balance too low).
     */
    @Transactional
    void charge(long buyerId, BigDecimal amount, String reference) {
        if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("a charge is 0 or more with at most 2 decimals, got " + amount);
        }
        checkReference(reference);
        if (!debit(buyerId, amount)) {
            existing(buyerId);
            if (booked(Movement.CHARGE, reference)) {
                throw alreadyCharged(reference);
            }
            throw new PaymentRefused("the balance does not cover " + amount.toPlainString() + " for " + reference
                    + "; top up and pay again");
        }
        if (!bookOnce(buyerId, Movement.CHARGE, amount, reference)) {
            throw alreadyCharged(reference); // the debit above rolls back with it
        }
    }

    private static ApiException alreadyCharged(String reference) {
        return ApiException.conflict("already_paid", reference + " was already charged");
    }

    /** Credits a refund once per reference; see {@link Payment#refund}. */
    @Transactional
    void refund(long buyerId, BigDecimal amount, String reference) {
        existing(buyerId);
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("a refund is 0 or more, got " + amount);
        }
        if (booked(Movement.REFUND, reference)) {
            return;
        }
        book(buyerId, Movement.REFUND, amount, reference);
        jdbc.sql("UPDATE buyer SET balance = balance + :amount WHERE id = :id")
                .param("amount", amount).param("id", buyerId).update();
    }

    // ---- the operator console ----------------------------------------------------------------------------------

    /**
     * An operator's balance adjustment (调账): adds {@code amount} (negative takes money off) with a reason, as one
     * ledger row (kind ADJUST, reference {@code adjust:<audit id>}) and one audit row with the operator, the time and
     * the balance before and after. The balance never goes below zero: a deduction larger than the balance is
     * refused and changes nothing.
     */
    @Transactional
    public BalanceAdjustment adjustBalance(long buyerId, BigDecimal amount, String reason, long operatorId) {
        if (amount == null || amount.signum() == 0 || amount.scale() > 2) {
            throw ApiException.badRequest("invalid_adjustment",
                    "the adjustment is an amount other than 0 with at most 2 decimals (negative to deduct), got " + amount);
        }
        if (amount.abs().compareTo(new BigDecimal("100000000")) >= 0) {
            throw ApiException.badRequest("invalid_adjustment", "an adjustment is below 100,000,000.00, got " + amount);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ApiException.badRequest("adjustment_reason_required",
                    "say why the balance is adjusted (1 to 500 characters); it is kept in the audit record");
        }
        // the row lock orders concurrent adjustments and payments, so before/after are exact
        BigDecimal before = jdbc.sql("SELECT balance FROM buyer WHERE id = :id FOR UPDATE").param("id", buyerId)
                .query(BigDecimal.class).optional()
                .orElseThrow(() -> ApiException.notFound("buyer", Long.toString(buyerId)));
        BigDecimal after = before.add(amount);
        if (after.signum() < 0) {
            throw ApiException.conflict("balance_would_be_negative", "the balance is " + before.toPlainString()
                    + "; deducting " + amount.negate().toPlainString() + " would make it negative");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO buyer_balance_adjustment (buyer_id, operator_id, amount, balance_before, balance_after,
                    reason, created_at)
                VALUES (:buyer, :operator, :amount, :before, :after, :reason, :now)""")
                .param("buyer", buyerId).param("operator", operatorId).param("amount", amount)
                .param("before", before).param("after", after).param("reason", why)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        book(buyerId, Movement.ADJUST, amount, "adjust:" + id);
        jdbc.sql("UPDATE buyer SET balance = :after WHERE id = :id").param("after", after).param("id", buyerId).update();
        return new BalanceAdjustment(id, buyerId, operatorId, amount, before, after, why, clock.instant());
    }

    /** The buyer's ledger, newest first (at most {@code limit} rows). */
    public List<LedgerEntry> ledger(long buyerId, int limit) {
        return jdbc.sql("""
                SELECT id, kind, amount, reference, created_at FROM buyer_ledger WHERE buyer_id = :buyer
                ORDER BY id DESC LIMIT :limit""")
                .param("buyer", buyerId).param("limit", limit)
                .query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The buyer's balance adjustments, newest first. */
    public List<BalanceAdjustment> adjustments(long buyerId) {
        return jdbc.sql("""
                SELECT id, buyer_id, operator_id, amount, balance_before, balance_after, reason, created_at
                FROM buyer_balance_adjustment WHERE buyer_id = :buyer ORDER BY id DESC""")
                .param("buyer", buyerId)
                .query((rs, n) -> new BalanceAdjustment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Buyers whose login, name, e-mail or id contains {@code query} (case-insensitive; blank lists all), newest
     * first, at most {@code limit}.
     */
    public List<Buyer> search(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "");
        return jdbc.sql("""
                SELECT id, login, name, mobile_phone, email, balance FROM buyer
                WHERE :q = '' OR LOWER(login) LIKE :like OR LOWER(name) LIKE :like OR LOWER(COALESCE(email, '')) LIKE :like
                   OR CAST(id AS VARCHAR(20)) = :q
                ORDER BY id DESC LIMIT :limit""")
                .param("q", q).param("like", "%" + q + "%").param("limit", limit)
                .query((rs, n) -> new Buyer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM buyer").query(Long.class).single();
    }

    /** The one place the balance goes down: only when it covers the amount, decided by the database row lock. */
    private boolean debit(long buyerId, BigDecimal amount) {
        return jdbc.sql("UPDATE buyer SET balance = balance - :amount WHERE id = :id AND balance >= :amount")
                .param("amount", amount).param("id", buyerId).update() == 1;
    }

    private boolean booked(Movement kind, String reference) {
        checkReference(reference);
        return jdbc.sql("SELECT COUNT(*) FROM buyer_ledger WHERE kind = :kind AND reference = :ref")
                .param("kind", kind.name()).param("ref", reference).query(Long.class).single() > 0;
    }

    private void book(long buyerId, Movement kind, BigDecimal amount, String reference) {
        jdbc.sql("""
                INSERT INTO buyer_ledger (buyer_id, kind, amount, reference, created_at)
                VALUES (:buyer, :kind, :amount, :ref, :now)""")
                .param("buyer", buyerId).param("kind", kind.name()).param("amount", amount).param("ref", reference)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * Books the movement unless its (kind, reference) is booked already; false then. ON CONFLICT DO NOTHING (also
     * understood by H2 in PostgreSQL mode) keeps a duplicate from failing the caller's transaction.
     */
    private boolean bookOnce(long buyerId, Movement kind, BigDecimal amount, String reference) {
        return jdbc.sql("""
                INSERT INTO buyer_ledger (buyer_id, kind, amount, reference, created_at)
                VALUES (:buyer, :kind, :amount, :ref, :now) ON CONFLICT DO NOTHING""")
                .param("buyer", buyerId).param("kind", kind.name()).param("amount", amount).param("ref", reference)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update() == 1;
    }

    private static void checkReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            throw new IllegalArgumentException("a money movement needs a reference of 1 to 128 characters");
        }
    }

    private static void positive(BigDecimal amount, String what) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw ApiException.badRequest("invalid_amount", what + " is above 0 with at most 2 decimals, got " + amount);
        }
    }

    private Buyer existing(long buyerId) {
        return buyer(buyerId).orElseThrow(() -> ApiException.notFound("buyer", Long.toString(buyerId)));
    }
}
