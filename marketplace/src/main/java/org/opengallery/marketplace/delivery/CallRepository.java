package org.opengallery.marketplace.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opengallery.protocol.cipher.EncryptType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** {@code delivery_call}: one statement per operation, no N+1. */
@Component
class CallRepository {

    static final String COLUMNS = "id, activity, phase, order_id, order_line_id, instance_id, seller_id, url, "
            + "interface_version, encrypt_type, customer_service_email, seller_key_enc, command, request, attempts, polls, "
            + "status, next_attempt_at, deadline_at, last_error, last_response, failure_mailed, restarted, gave_up_at, "
            + "succeeded_at, created_at, updated_at";

    static final RowMapper<CallRow> ROW = CallRepository::map;

    private final JdbcTemplate jdbc;
    private final String executionTable;

    CallRepository(JdbcTemplate jdbc,
                   @org.springframework.beans.factory.annotation.Value("${db-scheduler.table-name:scheduled_tasks}")
                   String executionTable) {
        this.jdbc = jdbc;
        if (!executionTable.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("db-scheduler.table-name is not a table name: " + executionTable);
        }
        this.executionTable = executionTable;
    }

    private static final String INSERT = "INSERT INTO delivery_call (activity, phase, order_id, order_line_id, "
            + "instance_id, seller_id, url, interface_version, encrypt_type, customer_service_email, "
            + "seller_key_enc, command, attempts, polls, status, next_attempt_at, deadline_at, failure_mailed, "
            + "restarted, created_at, updated_at) VALUES (?, 'CALL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, "
            + "'PENDING', ?, ?, FALSE, FALSE, ?, ?)";

    /** A call to write: due now, PENDING, until {@code deadline}. */
    record NewCall(Activity activity, SellerEndpoint endpoint, String sealedKey, StoredCommand command, Instant now,
                   Instant deadline) {}

    long insert(Activity activity, SellerEndpoint endpoint, String sealedKey, StoredCommand command, Instant now,
                Instant deadline) {
        NewCall call = new NewCall(activity, endpoint, sealedKey, command, now, deadline);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(INSERT, new String[] {"id"});
            bind(ps, call);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Writes the calls as one JDBC batch (one round trip); returns their ids in the same order. */
    List<Long> insertAll(List<NewCall> calls) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(INSERT, new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        bind(ps, calls.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return calls.size();
                    }
                }, keys);
        List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.get(k.containsKey("id") ? "id" : "ID"))
                .longValue()).toList();
        if (ids.size() != calls.size()) {
            throw new IllegalStateException("wrote " + calls.size() + " calls but got " + ids.size() + " ids");
        }
        return ids;
    }

    private static void bind(java.sql.PreparedStatement ps, NewCall c) throws SQLException {
        StoredCommand command = c.command();
        SellerEndpoint endpoint = c.endpoint();
        ps.setString(1, c.activity().name());
        ps.setString(2, command.orderId());
        ps.setString(3, command.orderLineId());
        ps.setString(4, command.instanceId());
        ps.setLong(5, endpoint.sellerId());
        ps.setString(6, endpoint.url());
        ps.setString(7, endpoint.version().name());
        ps.setString(8, endpoint.encryptType().code());
        ps.setString(9, endpoint.customerServiceEmail());
        ps.setString(10, c.sealedKey());
        ps.setString(11, command.toJson());
        Timestamp ts = Timestamp.from(c.now());
        ps.setTimestamp(12, ts);
        ps.setTimestamp(13, Timestamp.from(c.deadline()));
        ps.setTimestamp(14, ts);
        ps.setTimestamp(15, ts);
    }

    Optional<CallRow> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_call WHERE id = ?", ROW, id).stream().findFirst();
    }

    void markRunning(long id, Instant now) {
        jdbc.update("UPDATE delivery_call SET status = 'RUNNING', updated_at = ? WHERE id = ?", Timestamp.from(now), id);
    }

    /** Records the outcome of one attempt (or poll) in one statement. */
    void recordOutcome(long id, CallRow.Phase phase, String instanceId, String request, String lastResponse,
                       String lastError, CallStatus status, Instant nextAttemptAt, int attemptsDelta, int pollsDelta,
                       boolean failureMailed, Instant gaveUpAt, Instant succeededAt, Instant now) {
        jdbc.update("UPDATE delivery_call SET phase = ?, instance_id = COALESCE(?, instance_id), "
                        + "request = COALESCE(?, request), last_response = ?, last_error = ?, status = ?, "
                        + "next_attempt_at = ?, attempts = attempts + ?, polls = polls + ?, failure_mailed = ?, "
                        + "gave_up_at = COALESCE(gave_up_at, ?), succeeded_at = ?, updated_at = ? WHERE id = ?",
                phase.name(), instanceId, request, lastResponse, truncate(lastError, 2000), status.name(),
                ts(nextAttemptAt), attemptsDelta, pollsDelta, failureMailed, ts(gaveUpAt), ts(succeededAt),
                Timestamp.from(now), id);
    }

    /**
     * Deletes db-scheduler's execution row of a finished call, in the caller's transaction, if it is still the
     * version this node picked; true when it did.
     */
    boolean removeExecution(String taskName, String taskInstance, long version) {
        return jdbc.update("DELETE FROM " + executionTable + " WHERE task_name = ? AND task_instance = ? AND version = ?",
                taskName, taskInstance, version) == 1;
    }

    /** A manual restart: due now; after a give-up the call gets a fresh window for polling its appInfo. */
    int restart(long id, long sellerId, Instant now, Instant newDeadline) {
        return jdbc.update("UPDATE delivery_call SET status = 'PENDING', next_attempt_at = ?, restarted = TRUE, "
                        + "deadline_at = CASE WHEN status = 'GAVE_UP' THEN ? ELSE deadline_at END, updated_at = ? "
                        + "WHERE id = ? AND seller_id = ? AND status IN ('FAILED', 'GAVE_UP')",
                Timestamp.from(now), Timestamp.from(newDeadline), Timestamp.from(now), id, sellerId);
    }

    /** Failed calls waiting for their retry, given up, or being retried (running with the last failure kept). */
    List<CallRow> failingForSeller(long sellerId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_call WHERE seller_id = ? AND (status IN ('FAILED', "
                + "'GAVE_UP') OR (status = 'RUNNING' AND last_error IS NOT NULL)) ORDER BY id DESC LIMIT ?", ROW,
                sellerId, limit);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static CallRow map(ResultSet rs, int n) throws SQLException {
        return new CallRow(rs.getLong("id"), Activity.valueOf(rs.getString("activity")),
                CallRow.Phase.valueOf(rs.getString("phase")), rs.getString("order_id"), rs.getString("order_line_id"),
                rs.getString("instance_id"), rs.getLong("seller_id"), rs.getString("url"),
                SellerEndpoint.InterfaceVersion.valueOf(rs.getString("interface_version")),
                EncryptType.fromCode(rs.getString("encrypt_type")), rs.getString("customer_service_email"),
                rs.getString("seller_key_enc"), rs.getString("command"), rs.getString("request"),
                rs.getInt("attempts"), rs.getInt("polls"), CallStatus.valueOf(rs.getString("status")),
                instant(rs, "next_attempt_at"), instant(rs, "deadline_at"), rs.getString("last_error"),
                rs.getString("last_response"), rs.getBoolean("failure_mailed"), rs.getBoolean("restarted"),
                instant(rs, "gave_up_at"), instant(rs, "succeeded_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
