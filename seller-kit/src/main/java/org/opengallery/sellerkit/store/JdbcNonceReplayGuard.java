package org.opengallery.sellerkit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opengallery.protocol.v2.NonceReplayGuard;

/**
 * Replay protection shared by every seller node on one database: a nonce is a primary key, so only the first
 * request to insert it passes. A row whose time has passed may be reused (its request is out of the window
 * anyway) and is swept every {@value #SWEEP_EVERY} uses.
 */
public final class JdbcNonceReplayGuard implements NonceReplayGuard {

    static final int SWEEP_EVERY = 1000;
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,20}");

    private final DataSource dataSource;
    private final String table;
    private final Clock clock;
    private final AtomicLong uses = new AtomicLong();

    private JdbcNonceReplayGuard(DataSource dataSource, String table, Clock clock) {
        this.dataSource = dataSource;
        this.table = table;
        this.clock = clock;
    }

    public static JdbcNonceReplayGuard create(DataSource dataSource, Clock clock) {
        return create(dataSource, "og_kit_", clock);
    }

    public static JdbcNonceReplayGuard create(DataSource dataSource, String tablePrefix, Clock clock) {
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("table prefix must match " + PREFIX + ", got '" + tablePrefix + "'");
        }
        JdbcNonceReplayGuard guard = new JdbcNonceReplayGuard(dataSource, tablePrefix + "nonce", clock);
        guard.update("create the nonce table", "CREATE TABLE IF NOT EXISTS " + guard.table
                + " (nonce VARCHAR(255) NOT NULL PRIMARY KEY, forget_after BIGINT NOT NULL)");
        return guard;
    }

    @Override
    public boolean firstUse(String nonce, Instant forgetAfter) {
        if (uses.incrementAndGet() % SWEEP_EVERY == 0) {
            update("sweep old nonces", "DELETE FROM " + table + " WHERE forget_after < ?", clock.millis());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (nonce, forget_after) VALUES (?, ?)")) {
            s.setString(1, nonce);
            s.setLong(2, forgetAfter.toEpochMilli());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw new KitStoreException("nonce guard: recording a nonce failed: " + e.getMessage(), e);
            }
        }
        // Seen before: usable again only if its time has passed, and then only by one caller.
        return update("reuse an expired nonce", "UPDATE " + table + " SET forget_after = ? WHERE nonce = ? AND forget_after < ?",
                forgetAfter.toEpochMilli(), nonce, clock.millis()) == 1;
    }

    private int update(String what, String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new KitStoreException("nonce guard: " + what + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcNonceReplayGuard[" + table + "]";
    }
}
