package org.recworkbench.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One H2 file database holding datasets (and later runs). Opening it creates the file when missing and brings the
 * schema up to date with Flyway. Keeps one connection open so the embedded database stays open while in use.
 */
public final class Workspace implements AutoCloseable {

    /** H2 error code "Database may be already in use". */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final String URL_OPTIONS = ";CACHE_SIZE=131072";
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Path path;
    private final String url;
    private final Connection keepOpen;
    private volatile boolean spaceFreed;

    private Workspace(Path path, String url, Connection keepOpen) {
        this.path = path;
        this.url = url;
        this.keepOpen = keepOpen;
    }

    /** The default location, {@code ~/.recworkbench/workbench} (file {@code workbench.mv.db}). */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".recworkbench", "workbench");
    }

    /**
     * Opens (creating if needed) the database at {@code path}, given without the {@code .mv.db} suffix.
     *
     * @throws DatabaseInUseException when another process has it open
     */
    public static Workspace open(Path path) {
        Path absolute = stripSuffix(path.toAbsolutePath().normalize());
        String url = "jdbc:h2:file:" + absolute + URL_OPTIONS;
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            if (isInUse(e)) {
                throw new DatabaseInUseException(absolute, e);
            }
            throw new StoreException("Cannot open the database " + absolute + ": " + e.getMessage(), e);
        }
        boolean migrated;
        try {
            migrated = migrate(connection, url);
        } catch (FlywayException e) {
            closeQuietly(connection);
            throw new StoreException("Cannot bring the database " + absolute + " up to date: " + e.getMessage(), e);
        }
        int removed;
        try {
            removed = DatasetStore.removeIncomplete(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("Cannot clean up an interrupted import in " + absolute + ": " + e.getMessage(), e);
        }
        if ((migrated || removed > 0) && worthCompacting(absolute)) {
            // leftovers of crashed imports (or rows an upgrade dropped) would otherwise stay in the file for good:
            // H2 reuses free space but never gives it back by itself
            connection = compactAndReopen(connection, url, absolute);
        }
        return new Workspace(absolute, url, connection);
    }

    /**
     * Files at most this large are never compacted: a new workspace with the samples is about this size and
     * compacting it would cost more time than the space is worth.
     */
    static final long COMPACT_ABOVE_BYTES = 4L << 20;

    /** Whether the file is large enough that compacting it after a removal can give space back. */
    private static boolean worthCompacting(Path absolute) {
        try {
            return Files.size(mvDbFile(absolute)) > COMPACT_ABOVE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /** The database file itself. */
    static Path mvDbFile(Path withoutSuffix) {
        return withoutSuffix.resolveSibling(withoutSuffix.getFileName() + ".mv.db");
    }

    /** Rewrites the file with only its live data ({@code SHUTDOWN COMPACT} closes the database), then reopens it. */
    private static Connection compactAndReopen(Connection connection, String url, Path absolute) {
        compact(connection);
        try {
            return DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + absolute + " again after compacting it: "
                    + e.getMessage(), e);
        }
    }

    private static void compact(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // compacting is an optimisation: the database stays valid (and is closed) either way
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean isInUse(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static Path stripSuffix(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".mv.db") ? path.resolveSibling(name.substring(0, name.length() - 6)) : path;
    }

    /**
     * The highest migration in {@code db/migration}. A database already at this version skips Flyway, whose start-up
     * costs more than a second of a start (WorkspaceTest checks the number against the bundled files).
     */
    static final int SCHEMA_VERSION = 6;

    /** Brings the schema up to date; whether any migration ran. */
    private static boolean migrate(Connection connection, String url) {
        if (schemaVersion(connection) == SCHEMA_VERSION) {
            return false;
        }
        migrate(url);
        return true;
    }

    /** The version Flyway last applied successfully, or -1 for a new database. */
    static int schemaVersion(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT))"
                     + " FROM \"flyway_schema_history\" WHERE \"success\"")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    private static void migrate(String url) {
        // Flyway reports every start at INFO and warns that H2 2.5 is newer than it has tested; CLI output must
        // stay clean, and failures still arrive as exceptions.
        FLYWAY_LOG.setLevel(Level.SEVERE);
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** The database path without the {@code .mv.db} suffix. */
    public Path path() {
        return path;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** A workspace-level setting, or null when never set. */
    public String setting(String key) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT setting_value FROM workspace_setting WHERE setting_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read setting " + key + ": " + e.getMessage(), e);
        }
    }

    public void putSetting(String key, String value) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO workspace_setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not save setting " + key + ": " + e.getMessage(), e);
        }
    }

    public DatasetStore datasets() {
        return new DatasetStore(this);
    }

    public RunStore runs() {
        return new RunStore(this);
    }

    /** Called after a dataset's rows were removed (delete, replace, a failed or cancelled import). */
    void noteSpaceFreed() {
        spaceFreed = true;
    }

    /**
     * Closes the database; when datasets were removed since it opened, the file is compacted first, so that it
     * shrinks back to its live data (the time this takes grows with the live data: about a second for a million
     * ratings).
     */
    @Override
    public void close() {
        if (spaceFreed && worthCompacting(path)) {
            compact(keepOpen);
        } else {
            closeQuietly(keepOpen);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort; the file lock goes with the process anyway
        }
    }
}
