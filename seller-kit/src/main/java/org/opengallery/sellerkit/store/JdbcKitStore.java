package org.opengallery.sellerkit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link KitStore} in a relational database — PostgreSQL, H2 or MariaDB/MySQL — so state survives restarts
 * and several seller nodes can share it. Creates its tables on first use ({@code CREATE TABLE IF NOT EXISTS}).
 *
 * <p>Claims are atomic without locks held across calls: a first claim is an INSERT that the primary key lets
 * only one caller win (the losers read the winner's row); a takeover is an UPDATE guarded by the status and
 * attempt count it read, so of two nodes taking over one expired operation only one sees an updated row.
 * Times are stored as epoch milliseconds so the three databases agree.
 */
public final class JdbcKitStore implements KitStore {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,20}");
    private static final int RACE_RETRIES = 5;

    /** The few statements that differ between databases: an upsert, and the large text type. */
    private enum Dialect {
        POSTGRESQL, H2, MYSQL, OTHER;

        static Dialect of(String productName) {
            String p = productName.toLowerCase(Locale.ROOT);
            return p.contains("postgres") ? POSTGRESQL : p.contains("h2") ? H2
                    : p.contains("mysql") || p.contains("mariadb") ? MYSQL : OTHER;
        }

        String text() {
            return switch (this) {
                case H2 -> "CHARACTER LARGE OBJECT";
                case MYSQL -> "MEDIUMTEXT";
                default -> "TEXT";
            };
        }
    }

    private static final String INSTANCE_COLUMNS = "order_id, order_line_id, product_id, state, expire_time,"
            + " app_info_json, license, created_at, updated_at, instance_id";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String operations;
    private final String instances;
    private final String sync;
    // The statements of every request, built once (string building showed in profiles of the hot path).
    private final String insertOperationSql;
    private final String finishSql;
    private final String selectOperationSql;
    private final String selectInstanceSql;
    private final String upsertInstanceSql;
    private final String completeInOneStatementSql;
    private final String claimOnLiveInstanceSql;

    private JdbcKitStore(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.dialect = Dialect.of(run("read database product", c -> c.getMetaData().getDatabaseProductName()));
        this.operations = prefix + "operation";
        this.instances = prefix + "instance";
        this.sync = prefix + "sync_presence";
        this.insertOperationSql = "INSERT INTO " + operations
                + " (op_key, instance_id, status, lease_until, request_json, attempts, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 1, ?, ?)";
        this.finishSql = "UPDATE " + operations
                + " SET status = ?, lease_until = NULL, result_json = ?, result_code = ?, result_message = ?,"
                + " updated_at = ? WHERE op_key = ?";
        this.selectOperationSql = "SELECT * FROM " + operations + " WHERE op_key = ?";
        this.selectInstanceSql = "SELECT * FROM " + instances + " WHERE instance_id = ?";
        this.upsertInstanceSql = upsertInstanceSql(dialect, instances);
        this.completeInOneStatementSql = "WITH saved AS (INSERT INTO " + instances + " ("
                + INSTANCE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (instance_id) DO UPDATE SET order_id = EXCLUDED.order_id,"
                + " order_line_id = EXCLUDED.order_line_id, product_id = EXCLUDED.product_id,"
                + " state = EXCLUDED.state, expire_time = EXCLUDED.expire_time,"
                + " app_info_json = EXCLUDED.app_info_json, license = EXCLUDED.license,"
                + " created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at RETURNING 1)"
                + " UPDATE " + operations + " SET status = ?, lease_until = NULL, result_json = ?, result_code = NULL,"
                + " result_message = NULL, updated_at = ? WHERE op_key = ?";
        this.claimOnLiveInstanceSql = "WITH i AS (SELECT * FROM " + instances
                + " WHERE instance_id = ?), ins AS (INSERT INTO " + operations
                + " (op_key, instance_id, status, lease_until, request_json, attempts, created_at, updated_at)"
                + " SELECT ?, ?, ?, ?, NULL, 1, ?, ? WHERE EXISTS (SELECT 1 FROM i WHERE state <> ?)"
                + " ON CONFLICT (op_key) DO NOTHING RETURNING op_key)"
                + " SELECT i.*, EXISTS (SELECT 1 FROM ins) AS claimed FROM i";
    }

    /** A store with tables {@code og_kit_*}, created if missing. */
    public static JdbcKitStore create(DataSource dataSource) {
        return create(dataSource, "og_kit_");
    }

    /** A store with its own table prefix (lower-case letters, digits, underscores), created if missing. */
    public static JdbcKitStore create(DataSource dataSource, String tablePrefix) {
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("table prefix must match " + PREFIX + ", got '" + tablePrefix + "'");
        }
        JdbcKitStore store = new JdbcKitStore(dataSource, tablePrefix);
        store.createTables();
        return store;
    }

    private void createTables() {
        String text = dialect.text();
        run("create tables", connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS %s (
                            op_key         VARCHAR(255) NOT NULL PRIMARY KEY,
                            instance_id    VARCHAR(128),
                            status         VARCHAR(16)  NOT NULL,
                            lease_until    BIGINT,
                            request_json   %s,
                            result_json    %s,
                            result_code    VARCHAR(16),
                            result_message VARCHAR(1024),
                            attempts       INTEGER      NOT NULL,
                            created_at     BIGINT       NOT NULL,
                            updated_at     BIGINT       NOT NULL
                        )""".formatted(operations, text, text));
                s.execute("""
                        CREATE TABLE IF NOT EXISTS %s (
                            instance_id   VARCHAR(128) NOT NULL PRIMARY KEY,
                            order_id      VARCHAR(128),
                            order_line_id VARCHAR(128),
                            product_id    VARCHAR(128),
                            state         VARCHAR(16)  NOT NULL,
                            expire_time   BIGINT,
                            app_info_json %s,
                            license       %s,
                            created_at    BIGINT       NOT NULL,
                            updated_at    BIGINT       NOT NULL
                        )""".formatted(instances, text, text));
                s.execute("""
                        CREATE TABLE IF NOT EXISTS %s (
                            entity_key VARCHAR(512) NOT NULL PRIMARY KEY,
                            present    BOOLEAN      NOT NULL,
                            updated_at BIGINT       NOT NULL
                        )""".formatted(sync));
            }
            return null;
        });
        // Separate statement: CREATE INDEX IF NOT EXISTS is not MySQL syntax, so tolerate "already exists".
        try {
            run("create index", connection -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE INDEX " + operations + "_lease ON " + operations + " (status, lease_until)");
                }
                return null;
            });
        } catch (KitStoreException alreadyThere) {
            // the index exists from an earlier start
        }
    }

    @Override
    public Claim claim(String key, String instanceId, String requestJson, Instant now, Duration lease) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            if (insertOperation(key, instanceId, requestJson, now, lease)) {
                return new Claim.Claimed(new Operation(key, instanceId, OperationStatus.IN_PROGRESS, now.plus(lease),
                        requestJson, null, null, null, 1, now, now));
            }
            Optional<Operation> existing = operation(key);
            if (existing.isEmpty()) {
                continue; // deleted between our insert and read: try again
            }
            Operation op = existing.get();
            if (op.status() == OperationStatus.DONE) {
                return new Claim.AlreadyDone(op);
            }
            if (!op.claimableAt(now)) {
                return new Claim.InProgressElsewhere(op);
            }
            if (takeOver(op, requestJson, now, lease)) {
                return new Claim.Claimed(new Operation(key, op.instanceId(), OperationStatus.IN_PROGRESS, now.plus(lease),
                        op.requestJson() != null ? op.requestJson() : requestJson, null, null, null,
                        op.attempts() + 1, op.createdAt(), now));
            }
            // another node took it over first: read again
        }
        Operation op = operation(key).orElseThrow(() -> new KitStoreException("operation " + key + " vanished", null));
        return op.status() == OperationStatus.DONE ? new Claim.AlreadyDone(op) : new Claim.InProgressElsewhere(op);
    }

    private boolean insertOperation(String key, String instanceId, String requestJson, Instant now, Duration lease) {
        return run("claim " + key, c -> {
            try (PreparedStatement s = c.prepareStatement(insertOperationSql)) {
                s.setString(1, key);
                s.setString(2, instanceId);
                s.setString(3, OperationStatus.IN_PROGRESS.name());
                s.setLong(4, now.plus(lease).toEpochMilli());
                s.setString(5, requestJson);
                s.setLong(6, now.toEpochMilli());
                s.setLong(7, now.toEpochMilli());
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private boolean takeOver(Operation op, String requestJson, Instant now, Duration lease) {
        return run("take over " + op.key(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + operations
                    + " SET status = ?, lease_until = ?, request_json = COALESCE(request_json, ?), result_json = NULL,"
                    + " result_code = NULL, result_message = NULL, attempts = attempts + 1, updated_at = ?"
                    + " WHERE op_key = ? AND status = ? AND attempts = ?")) {
                s.setString(1, OperationStatus.IN_PROGRESS.name());
                s.setLong(2, now.plus(lease).toEpochMilli());
                s.setString(3, requestJson);
                s.setLong(4, now.toEpochMilli());
                s.setString(5, op.key());
                s.setString(6, op.status().name());
                s.setInt(7, op.attempts());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void complete(String key, String resultJson, Instant now) {
        finish(key, OperationStatus.DONE, resultJson, null, null, now);
    }

    @Override
    public void fail(String key, String resultCode, String resultMessage, Instant now) {
        finish(key, OperationStatus.FAILED, null, resultCode, resultMessage, now);
    }

    /** One transaction: the instance as the operation left it, and the operation done. */
    @Override
    public void complete(String key, String resultJson, InstanceRecord instance, Instant now) {
        if (dialect == Dialect.POSTGRESQL) {
            completeInOneStatement(key, resultJson, instance, now);
            return;
        }
        run("complete " + key, c -> {
            c.setAutoCommit(false);
            try {
                upsertInstance(c, instance);
                finish(c, key, OperationStatus.DONE, resultJson, null, null, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * PostgreSQL: the upsert and the done-mark as one statement (a data-modifying CTE), atomic by itself — one
     * round trip and one commit where the transaction takes three round trips.
     */
    private void completeInOneStatement(String key, String resultJson, InstanceRecord i, Instant now) {
        run("complete " + key, c -> {
            try (PreparedStatement s = c.prepareStatement(completeInOneStatementSql)) {
                bindInstance(s, i);
                s.setString(10, i.instanceId());
                s.setString(11, OperationStatus.DONE.name());
                s.setString(12, resultJson);
                s.setLong(13, now.toEpochMilli());
                s.setString(14, key);
                return s.executeUpdate();
            }
        });
    }

    private void finish(String key, OperationStatus status, String resultJson, String code, String message, Instant now) {
        run("mark " + key + " " + status, c -> finish(c, key, status, resultJson, code, message, now));
    }

    private int finish(Connection c, String key, OperationStatus status, String resultJson, String code,
                       String message, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(finishSql)) {
            s.setString(1, status.name());
            s.setString(2, resultJson);
            s.setString(3, code);
            s.setString(4, message == null || message.length() <= 1024 ? message : message.substring(0, 1024));
            s.setLong(5, now.toEpochMilli());
            s.setString(6, key);
            return s.executeUpdate();
        }
    }

    @Override
    public Optional<Operation> operation(String key) {
        return run("read operation " + key, c -> {
            try (PreparedStatement s = c.prepareStatement(selectOperationSql)) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(operationOf(rs)) : Optional.<Operation>empty();
                }
            }
        });
    }

    @Override
    public List<Operation> abandoned(Instant now) {
        return run("find abandoned operations", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + operations
                    + " WHERE status = ? AND lease_until <= ? ORDER BY lease_until")) {
                s.setString(1, OperationStatus.IN_PROGRESS.name());
                s.setLong(2, now.toEpochMilli());
                List<Operation> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(operationOf(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void saveInstance(InstanceRecord i) {
        run("save instance " + i.instanceId(), c -> {
            upsertInstance(c, i);
            return null;
        });
    }

    @Override
    public boolean saveInstanceIfAbsent(InstanceRecord i) {
        return run("insert instance " + i.instanceId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + instances + " (" + INSTANCE_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindInstance(s, i);
                s.setString(10, i.instanceId());
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Inserts or replaces an instance in one statement where the database has one. */
    private void upsertInstance(Connection c, InstanceRecord i) throws SQLException {
        String sql = upsertInstanceSql;
        if (sql == null) {
            upsertPortably(c, i);
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindInstance(s, i);
            s.setString(10, i.instanceId());
            s.executeUpdate();
        }
    }

    /** The one-statement upsert of an instance, or null where the database has none. */
    private static String upsertInstanceSql(Dialect dialect, String instances) {
        String values = " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + instances + " (" + INSTANCE_COLUMNS + ")" + values
                    + " ON CONFLICT (instance_id) DO UPDATE SET order_id = EXCLUDED.order_id,"
                    + " order_line_id = EXCLUDED.order_line_id, product_id = EXCLUDED.product_id,"
                    + " state = EXCLUDED.state, expire_time = EXCLUDED.expire_time,"
                    + " app_info_json = EXCLUDED.app_info_json, license = EXCLUDED.license,"
                    + " created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at";
            case H2 -> "MERGE INTO " + instances + " (" + INSTANCE_COLUMNS + ") KEY (instance_id)" + values;
            case MYSQL -> "INSERT INTO " + instances + " (" + INSTANCE_COLUMNS + ")" + values
                    + " ON DUPLICATE KEY UPDATE order_id = VALUES(order_id), order_line_id = VALUES(order_line_id),"
                    + " product_id = VALUES(product_id), state = VALUES(state), expire_time = VALUES(expire_time),"
                    + " app_info_json = VALUES(app_info_json), license = VALUES(license),"
                    + " created_at = VALUES(created_at), updated_at = VALUES(updated_at)";
            case OTHER -> null;
        };
    }

    /** For databases without an upsert: update, else insert, else (inserted concurrently) update again. */
    private void upsertPortably(Connection c, InstanceRecord i) throws SQLException {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + instances + " SET order_id = ?, order_line_id = ?,"
                    + " product_id = ?, state = ?, expire_time = ?, app_info_json = ?, license = ?, created_at = ?,"
                    + " updated_at = ? WHERE instance_id = ?")) {
                bindInstance(s, i);
                s.setString(10, i.instanceId());
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + instances + " (" + INSTANCE_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindInstance(s, i);
                s.setString(10, i.instanceId());
                s.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        throw new SQLException("instance " + i.instanceId() + " could not be saved under concurrent writes");
    }

    private static void bindInstance(PreparedStatement s, InstanceRecord i) throws SQLException {
        s.setString(1, i.orderId());
        s.setString(2, i.orderLineId());
        s.setString(3, i.productId());
        s.setString(4, i.state().name());
        if (i.expireTime() == null) {
            s.setNull(5, Types.BIGINT);
        } else {
            s.setLong(5, i.expireTime().toEpochMilli());
        }
        s.setString(6, i.appInfoJson());
        s.setString(7, i.license());
        s.setLong(8, i.createdAt().toEpochMilli());
        s.setLong(9, i.updatedAt().toEpochMilli());
    }

    @Override
    public Optional<InstanceRecord> instance(String instanceId) {
        return run("read instance " + instanceId, c -> {
            try (PreparedStatement s = c.prepareStatement(selectInstanceSql)) {
                s.setString(1, instanceId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(instanceRecord(rs)) : Optional.<InstanceRecord>empty();
                }
            }
        });
    }

    private static InstanceRecord instanceRecord(ResultSet rs) throws SQLException {
        return new InstanceRecord(rs.getString("instance_id"), rs.getString("order_id"),
                rs.getString("order_line_id"), rs.getString("product_id"),
                InstanceState.valueOf(rs.getString("state")), instant(rs, "expire_time"),
                rs.getString("app_info_json"), rs.getString("license"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /**
     * On PostgreSQL the read and the first claim are one statement: the operation is inserted only when the
     * instance is live, and the instance comes back with whether the insert happened. When it did not (the
     * operation exists: a retry), the general {@link #claim} path decides, as it would have anyway.
     */
    @Override
    public InstanceClaim claimOnLiveInstance(String key, String instanceId, Instant now, Duration lease) {
        if (dialect != Dialect.POSTGRESQL) {
            return KitStore.super.claimOnLiveInstance(key, instanceId, now, lease);
        }
        record Read(InstanceRecord instance, boolean claimed) {}
        Optional<Read> read = run("read instance and claim " + key, c -> {
            try (PreparedStatement s = c.prepareStatement(claimOnLiveInstanceSql)) {
                s.setString(1, instanceId);
                s.setString(2, key);
                s.setString(3, instanceId);
                s.setString(4, OperationStatus.IN_PROGRESS.name());
                s.setLong(5, now.plus(lease).toEpochMilli());
                s.setLong(6, now.toEpochMilli());
                s.setLong(7, now.toEpochMilli());
                s.setString(8, InstanceState.RELEASED.name());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Read(instanceRecord(rs), rs.getBoolean("claimed")))
                            : Optional.<Read>empty();
                }
            }
        });
        if (read.isEmpty()) {
            return new InstanceClaim(Optional.empty(), null);
        }
        InstanceRecord instance = read.get().instance();
        if (instance.state() == InstanceState.RELEASED) {
            return new InstanceClaim(Optional.of(instance), null);
        }
        Claim claim = read.get().claimed()
                ? new Claim.Claimed(new Operation(key, instanceId, OperationStatus.IN_PROGRESS, now.plus(lease), null,
                        null, null, null, 1, now, now))
                : claim(key, instanceId, null, now, lease);
        return new InstanceClaim(Optional.of(instance), claim);
    }

    @Override
    public Optional<Boolean> syncPresence(String entityKey) {
        return run("read sync presence", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT present FROM " + sync + " WHERE entity_key = ?")) {
                s.setString(1, entityKey);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.<Boolean>empty();
                }
            }
        });
    }

    @Override
    public void saveSyncPresence(String entityKey, boolean present, Instant now) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            int updated = run("update sync presence", c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + sync
                        + " SET present = ?, updated_at = ? WHERE entity_key = ?")) {
                    s.setBoolean(1, present);
                    s.setLong(2, now.toEpochMilli());
                    s.setString(3, entityKey);
                    return s.executeUpdate();
                }
            });
            if (updated == 1) {
                return;
            }
            boolean inserted = run("insert sync presence", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + sync
                        + " (entity_key, present, updated_at) VALUES (?, ?, ?)")) {
                    s.setString(1, entityKey);
                    s.setBoolean(2, present);
                    s.setLong(3, now.toEpochMilli());
                    s.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (isUniqueViolation(e)) {
                        return false;
                    }
                    throw e;
                }
            });
            if (inserted) {
                return;
            }
        }
    }

    private static Operation operationOf(ResultSet rs) throws SQLException {
        return new Operation(rs.getString("op_key"), rs.getString("instance_id"),
                OperationStatus.valueOf(rs.getString("status")), instant(rs, "lease_until"),
                rs.getString("request_json"), rs.getString("result_json"), rs.getString("result_code"),
                rs.getString("result_message"), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** SQLState class 23 is an integrity-constraint violation in every SQL database we support. */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return e instanceof java.sql.SQLIntegrityConstraintViolationException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.on(c);
        } catch (SQLException e) {
            // The SQLState only: a driver's message may quote the failing row, and rows hold credentials.
            throw new KitStoreException("kit store: " + what + " failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcKitStore[" + operations + ", " + instances + "]";
    }
}
