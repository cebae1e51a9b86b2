package dev.lifeline.server.callbacks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the {@code callback} and {@code callback_attempt} tables, in statements H2 and PostgreSQL both run
 * (no MERGE, no ON CONFLICT: an update, then an insert when no row was there).
 */
final class CallbackTable {

    private static final String COLUMNS = "id, customer_number, reason, requested_at, due_at, time_zone, priority, "
            + "preferred_agent, requested_by, state, task_sid, close_reason, version";

    private CallbackTable() {
    }

    static void upsert(Connection c, Callback callback) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE callback SET customer_number = ?, reason = ?, "
                + "requested_at = ?, due_at = ?, time_zone = ?, priority = ?, preferred_agent = ?, requested_by = ?, "
                + "state = ?, task_sid = ?, close_reason = ?, version = ? WHERE id = ?")) {
            bindValues(update, callback, 1);
            update.setString(13, callback.id());
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO callback (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, callback.id());
                    bindValues(insert, callback, 2);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM callback_attempt WHERE callback_id = ?")) {
            delete.setString(1, callback.id());
            delete.executeUpdate();
        }
        if (!callback.attempts().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO callback_attempt "
                    + "(callback_id, attempt_no, started_at, call_sid, outcome) VALUES (?, ?, ?, ?, ?)")) {
                for (CallbackAttempt attempt : callback.attempts()) {
                    insert.setString(1, callback.id());
                    insert.setInt(2, attempt.number());
                    insert.setObject(3, utc(attempt.startedAt()));
                    insert.setString(4, attempt.callSid());
                    insert.setString(5, attempt.outcome());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static void bindValues(PreparedStatement s, Callback callback, int first) throws SQLException {
        int i = first;
        s.setString(i++, callback.number());
        s.setString(i++, callback.reason());
        s.setObject(i++, utc(callback.requestedAt()));
        s.setObject(i++, utc(callback.dueAt()));
        s.setString(i++, callback.zone());
        s.setInt(i++, callback.priority());
        nullable(s, i++, callback.preferredAgent());
        nullable(s, i++, callback.source());
        s.setString(i++, callback.state().name());
        nullable(s, i++, callback.taskSid());
        nullable(s, i++, callback.closeReason());
        s.setLong(i, callback.version());
    }

    static void delete(Connection c, Collection<String> ids) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM callback WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    static Map<String, Callback> load(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Callback> found = new LinkedHashMap<>();
        Map<String, List<CallbackAttempt>> attempts = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM callback WHERE id = ?");
             PreparedStatement selectAttempts = c.prepareStatement("SELECT attempt_no, started_at, call_sid, outcome "
                     + "FROM callback_attempt WHERE callback_id = ? ORDER BY attempt_no")) {
            for (String id : ids) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                    selectAttempts.setString(1, id);
                    List<CallbackAttempt> tries = new ArrayList<>();
                    try (ResultSet attempt = selectAttempts.executeQuery()) {
                        while (attempt.next()) {
                            tries.add(new CallbackAttempt(attempt.getInt(1), instant(attempt, 2), attempt.getString(3),
                                    attempt.getString(4)));
                        }
                    }
                    attempts.put(id, tries);
                    found.put(id, fromRow(row, tries));
                }
            }
        }
        return found;
    }

    /** Every callback still open, and those closed or due in the last {@code keepClosedSince}: what a cluster loads. */
    static List<String> keysToLoad(Connection c, Instant closedSince) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM callback WHERE state NOT IN ('COMPLETED', 'FAILED', 'CANCELLED') OR due_at >= ?")) {
            select.setObject(1, utc(closedSince));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    private static Callback fromRow(ResultSet row, List<CallbackAttempt> attempts) throws SQLException {
        return new Callback(row.getString("id"), row.getString("customer_number"), row.getString("reason"),
                instant(row, "requested_at"), instant(row, "due_at"), row.getString("time_zone"), row.getInt("priority"),
                row.getString("preferred_agent"), row.getString("requested_by"),
                CallbackState.valueOf(row.getString("state")), row.getString("task_sid"), attempts,
                row.getString("close_reason"), row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void nullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
