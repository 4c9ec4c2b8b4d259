package org.opengallery.sellerdemo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The workspaces, their users, notes and metered usage, in SQL one can read. */
@Repository
public class Workspaces {

    private final JdbcClient db;

    Workspaces(JdbcClient db) {
        this.db = db;
    }

    @Transactional
    public void create(Workspace w, String userName, String passwordHash) {
        db.sql("""
                INSERT INTO demo_workspace (instance_id, order_id, plan, notes_limit, status, charging_mode, expire_time, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(w.instanceId(), w.orderId(), w.plan().name(), w.notesLimit(), w.status().name(), w.chargingMode(),
                        time(w.expireTime()), time(w.createdAt()))
                .update();
        db.sql("INSERT INTO demo_user (instance_id, user_name, password_hash) VALUES (?, ?, ?)")
                .params(w.instanceId(), userName, passwordHash).update();
    }

    public Optional<Workspace> find(String instanceId) {
        return db.sql("SELECT * FROM demo_workspace WHERE instance_id = ?").param(instanceId)
                .query(Workspaces::workspace).optional();
    }

    public Optional<String> passwordHash(String instanceId, String userName) {
        return db.sql("SELECT password_hash FROM demo_user WHERE instance_id = ? AND user_name = ?")
                .params(instanceId, userName).query(String.class).optional();
    }

    public void resetPassword(String instanceId, String userName, String passwordHash) {
        db.sql("UPDATE demo_user SET password_hash = ? WHERE instance_id = ? AND user_name = ?")
                .params(passwordHash, instanceId, userName).update();
    }

    public void setStatus(String instanceId, Workspace.Status status) {
        db.sql("UPDATE demo_workspace SET status = ? WHERE instance_id = ?").params(status.name(), instanceId).update();
    }

    public void setExpiry(String instanceId, Instant expireTime) {
        db.sql("UPDATE demo_workspace SET expire_time = ? WHERE instance_id = ?").params(time(expireTime), instanceId)
                .update();
    }

    public void setPlan(String instanceId, Plan plan) {
        db.sql("UPDATE demo_workspace SET plan = ?, notes_limit = ? WHERE instance_id = ?")
                .params(plan.name(), plan.notesLimit(), instanceId).update();
    }

    /** Deletes the workspace and, through the foreign keys, its users, notes and usage. */
    public boolean delete(String instanceId) {
        return db.sql("DELETE FROM demo_workspace WHERE instance_id = ?").param(instanceId).update() == 1;
    }

    public List<Note> notes(String instanceId) {
        return db.sql("SELECT id, text, created_at FROM demo_note WHERE instance_id = ? ORDER BY id").param(instanceId)
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("text"), instant(rs, "created_at"))).list();
    }

    public int countNotes(String instanceId) {
        return db.sql("SELECT COUNT(*) FROM demo_note WHERE instance_id = ?").param(instanceId).query(Integer.class).single();
    }

    public void addNote(String instanceId, String text, Instant at) {
        db.sql("INSERT INTO demo_note (instance_id, text, created_at) VALUES (?, ?, ?)")
                .params(instanceId, text, time(at)).update();
    }

    public void deleteNote(String instanceId, long noteId) {
        db.sql("DELETE FROM demo_note WHERE instance_id = ? AND id = ?").params(instanceId, noteId).update();
    }

    /** Counts one note into the hour it was created in (pay-per-use metering). */
    @Transactional
    public void meterNote(String instanceId, Instant hourStart) {
        int updated = db.sql("UPDATE demo_usage SET notes_created = notes_created + 1 WHERE instance_id = ? AND hour_start = ?")
                .params(instanceId, time(hourStart)).update();
        if (updated == 0) {
            db.sql("INSERT INTO demo_usage (instance_id, hour_start, notes_created, pushed) VALUES (?, ?, 1, FALSE)")
                    .params(instanceId, time(hourStart)).update();
        }
    }

    /** Hours that are over and not yet pushed. */
    public List<Usage> unpushedBefore(Instant hourStart) {
        return db.sql("SELECT instance_id, hour_start, notes_created FROM demo_usage WHERE pushed = FALSE AND hour_start < ?"
                        + " ORDER BY hour_start, instance_id")
                .param(time(hourStart))
                .query((rs, n) -> new Usage(rs.getString("instance_id"), instant(rs, "hour_start"), rs.getInt("notes_created")))
                .list();
    }

    public void markPushed(Usage usage) {
        db.sql("UPDATE demo_usage SET pushed = TRUE WHERE instance_id = ? AND hour_start = ?")
                .params(usage.instanceId(), time(usage.hourStart())).update();
    }

    /** Notes created in one workspace in one hour. */
    public record Usage(String instanceId, Instant hourStart, int notesCreated) {
    }

    private static Workspace workspace(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getString("instance_id"), rs.getString("order_id"), Plan.valueOf(rs.getString("plan")),
                rs.getInt("notes_limit"), Workspace.Status.valueOf(rs.getString("status")), rs.getString("charging_mode"),
                instant(rs, "expire_time"), instant(rs, "created_at"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
