package org.recworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a workspace: Flyway runs only when the schema is behind the bundled migrations; a file left mostly free
 * space by an upgrade, a crashed import or deletes is compacted.
 */
class WorkspaceTest {

    @TempDir
    Path folder;

    @Test
    void theSchemaVersionConstantIsTheHighestBundledMigration() throws IOException, URISyntaxException {
        Path migrations = Path.of(Workspace.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            int highest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Workspace.SCHEMA_VERSION).isEqualTo(highest);
        }
    }

    @Test
    void aNewDatabaseIsMigratedAndAnUpToDateOneIsLeftAsItIs() throws SQLException {
        Path db = folder.resolve("ws");
        int historyRows;
        try (Workspace first = Workspace.open(db); Connection c = first.connect()) {
            assertThat(Workspace.schemaVersion(c)).isEqualTo(Workspace.SCHEMA_VERSION);
            historyRows = historyRows(c);
        }
        try (Workspace again = Workspace.open(db); Connection c = again.connect()) {
            assertThat(Workspace.schemaVersion(c)).isEqualTo(Workspace.SCHEMA_VERSION);
            assertThat(historyRows(c)).isEqualTo(historyRows);
        }
    }

    /** The dataset name column's length and nullability, e.g. "400 NO". */
    private static String nameColumn(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_NAME = 'DATASET' AND COLUMN_NAME = 'NAME'")) {
            rs.next();
            return rs.getInt(1) + " " + rs.getString(2);
        }
    }

    private static int historyRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aDatabaseBehindTheBundledMigrationsIsBroughtUpToDate() throws SQLException {
        Path db = folder.resolve("old");
        try (Workspace first = Workspace.open(db); Connection c = first.connect(); Statement s = c.createStatement()) {
            // roll the last migrations back by hand, as if this file had been created by an earlier release
            s.executeUpdate("CREATE TABLE interaction (dataset_id INT NOT NULL, user_idx INT NOT NULL,"
                    + " item_idx INT NOT NULL, val REAL NOT NULL, ts INT)");
            s.executeUpdate("ALTER TABLE dataset ALTER COLUMN name SET DATA TYPE VARCHAR(200)");
            s.executeUpdate("ALTER TABLE dataset_matrix DROP COLUMN row_arrivals");
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('4', '5', '6')");
            assertThat(Workspace.schemaVersion(c)).isEqualTo(3);
        }
        try (Workspace again = Workspace.open(db); Connection c = again.connect()) {
            assertThat(Workspace.schemaVersion(c)).isEqualTo(Workspace.SCHEMA_VERSION);
            assertThat(nameColumn(c)).isEqualTo("400 NO");
            assertThat(again.datasets().list()).isEmpty();
        }
    }

    @Test
    void aVersion4WorkspaceOpensWithItsDatasetsAndWithoutTheRelationalRows() throws IOException, SQLException {
        Path db = folder.resolve("v4");
        try (Workspace first = Workspace.open(db); Connection c = first.connect(); Statement s = c.createStatement()) {
            first.datasets().importFile(ImportRequest.of("grid", ImportFormat.CSV, smallCsv()), Progress.NONE,
                    Cancellation.NEVER);
            // the rows release 4 wrote next to the packed matrix, many of them, as a real import's would be
            s.executeUpdate("CREATE TABLE interaction (dataset_id INT NOT NULL, user_idx INT NOT NULL,"
                    + " item_idx INT NOT NULL, val REAL NOT NULL, ts INT)");
            s.executeUpdate("INSERT INTO interaction SELECT 1, MOD(X, 6000), MOD(X, 4000), 1.0 + MOD(X, 5),"
                    + " CAST(X AS INT) FROM SYSTEM_RANGE(1, 400000)");
            s.executeUpdate("ALTER TABLE dataset ALTER COLUMN name SET DATA TYPE VARCHAR(200)");
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('5', '6')");
            assertThat(Workspace.schemaVersion(c)).isEqualTo(4);
        }
        long before = Files.size(mvDb(db));

        try (Workspace again = Workspace.open(db); Connection c = again.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'INTERACTION'")) {
            assertThat(Workspace.schemaVersion(c)).isEqualTo(Workspace.SCHEMA_VERSION);
            rs.next();
            assertThat(rs.getInt(1)).as("tables named interaction").isZero();
            assertThat(again.datasets().load("grid").interactionCount()).isEqualTo(20);
        }
        assertThat(Files.size(mvDb(db))).as("file size after the upgrade dropped the rows").isLessThan(before / 2);
    }

    @Test
    void theLeftoversOfACrashedImportAreRemovedAndTheFileCompactedWhenItOpens() throws SQLException, IOException {
        Path db = folder.resolve("crashed");
        try (Workspace first = Workspace.open(db)) {
            storeMatrix(first, 99, "\u0001pending crashed", false);
        }
        long before = Files.size(mvDb(db));
        assertThat(before).isGreaterThan(LARGE_BYTES);

        try (Workspace again = Workspace.open(db)) {
            assertThat(again.datasets().list()).isEmpty();
        }
        assertThat(Files.size(mvDb(db))).isLessThan(Workspace.COMPACT_ABOVE_BYTES);
    }

    @Test
    void closingAfterALargeDatasetWasDeletedCompactsTheFile() throws SQLException, IOException {
        Path db = folder.resolve("deleted");
        try (Workspace w = Workspace.open(db)) {
            storeMatrix(w, 7, "large", true);
        }
        assertThat(Files.size(mvDb(db))).isGreaterThan(LARGE_BYTES);
        try (Workspace w = Workspace.open(db)) {
            w.datasets().delete("large");
        }
        assertThat(Files.size(mvDb(db))).isLessThan(Workspace.COMPACT_ABOVE_BYTES);
    }

    @Test
    void closingAWorkspaceFullOfLiveDataLeavesTheFileAsItIs() throws SQLException, IOException {
        Path db = folder.resolve("full");
        try (Workspace w = Workspace.open(db)) {
            storeMatrix(w, 7, "large", true);
        }
        try (Workspace w = Workspace.open(db)) {
            assertThat(w.datasets().list()).hasSize(1);
        }
        assertThat(Files.size(mvDb(db))).isGreaterThan(LARGE_BYTES);
    }

    /** 40 MB of incompressible packed arrays: the size of a dataset of several million ratings. */
    private static final int LARGE_BYTES = 40 << 20;

    private static void storeMatrix(Workspace w, int id, String name, boolean complete) throws SQLException {
        byte[] bytes = new byte[LARGE_BYTES / 4];
        new Random(id).nextBytes(bytes);
        try (Connection c = w.connect(); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_matrix (dataset_id, row_starts,"
                     + " row_items, row_values) VALUES (?, ?, ?, ?)")) {
            s.executeUpdate("INSERT INTO dataset (id, name, kind, format, source_files, checksum, created_at,"
                    + " user_count, item_count, interaction_count, rows_read, rows_skipped, duplicates, complete)"
                    + " VALUES (" + id + ", '" + name + "', 'explicit', 'csv', '', '" + "0".repeat(64) + "',"
                    + " CURRENT_TIMESTAMP, 1, 1, 1, 1, 0, 0, " + complete + ")");
            ps.setInt(1, id);
            ps.setBytes(2, bytes);
            ps.setBytes(3, bytes);
            ps.setBytes(4, Arrays.copyOf(bytes, LARGE_BYTES / 2));
            ps.executeUpdate();
        }
    }

    private Path smallCsv() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int u = 0; u < 5; u++) {
            for (int i = 0; i < 4; i++) {
                csv.append('u').append(u).append(",i").append(i).append(',').append(1 + (u + i) % 5).append('\n');
            }
        }
        return Files.writeString(folder.resolve("small.csv"), csv);
    }

    private static Path mvDb(Path db) {
        return db.resolveSibling(db.getFileName() + ".mv.db");
    }

    @Test
    void aFileThatIsNotAWorkspaceYetHasNoVersion() throws SQLException {
        try (Workspace w = Workspace.open(folder.resolve("fresh")); Connection c = w.connect();
             Statement s = c.createStatement()) {
            s.executeUpdate("CREATE SCHEMA other");
            s.executeUpdate("SET SCHEMA other");
            assertThat(Workspace.schemaVersion(c)).isEqualTo(-1);
        }
    }
}
