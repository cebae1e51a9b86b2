package dev.lifeline.server.callbacks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database callbacks are written through to: H2's embedded file database by default, PostgreSQL (or any
 * database Flyway and a JDBC driver know) by URL. {@link #migrate()} brings its schema up to date with the one set of
 * migrations in {@code db/callbacks}, before any member loads the map.
 *
 * <p>One connection, shared and re-opened when it breaks: callbacks are a few writes a minute, and Hazelcast calls
 * the map store from its partition threads, which a lock serialises here; a pool would be a dependency for nothing.
 */
public final class CallbackDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackDatabase.class);
    private static final int VALID_CHECK_SECONDS = 2;

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    /** @param password never logged */
    public CallbackDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
    }

    /**
     * The database {@code callbacks.database.*} names: a JDBC URL, else H2's file database at the path, else (sim mode
     * without a path) an in-memory H2 database of this member alone, which ends with it.
     */
    public static CallbackDatabase of(dev.lifeline.server.config.CallbackConfig config) {
        if (config.databaseUrl() != null) {
            return new CallbackDatabase(config.databaseUrl(), config.databaseUser(), config.databasePassword().reveal());
        }
        if (config.databasePath() != null) {
            try {
                java.nio.file.Path parent = config.databasePath().toAbsolutePath().getParent();
                if (parent != null) {
                    java.nio.file.Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new CallbackStoreException("cannot create the callbacks database's folder for "
                        + config.databasePath() + ": " + e.getMessage(), e);
            }
            return h2File(config.databasePath());
        }
        // DB_CLOSE_DELAY=-1: the database outlives Flyway's connection; close() shuts it down.
        return new CallbackDatabase("jdbc:h2:mem:lifeline-callbacks-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "", "");
    }

    /** The H2 file database at {@code path} (a file name without H2's {@code .mv.db}). */
    public static CallbackDatabase h2File(java.nio.file.Path path) {
        return new CallbackDatabase("jdbc:h2:file:" + path.toAbsolutePath(), "", "");
    }

    public String url() {
        return url;
    }

    /** Applies the migrations the database has not had yet; fails with the database's own words. */
    public CallbackDatabase migrate() {
        var result = Flyway.configure().dataSource(url, user, password).locations("classpath:db/callbacks")
                .table("callback_schema_history").load().migrate();
        log.info("callbacks database {} at schema version {}", redacted(url), result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
        return this;
    }

    /** Runs {@code work} on the shared connection in one transaction: committed if it returns, rolled back if not. */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CallbackStoreException("callbacks database " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(VALID_CHECK_SECONDS)) {
            closeQuietly();
            connection = DriverManager.getConnection(url, user, password);
        }
        return connection;
    }

    /** The URL without anything after {@code ?} or {@code ;} that could carry a password. */
    static String redacted(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the callbacks database connection failed", e);
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        if (url.startsWith("jdbc:h2:mem:")) {
            try (var statement = connection().createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                log.debug("shutting the in-memory callbacks database down failed", e);
            }
        }
        closeQuietly();
    }

    /** Work on a connection inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
