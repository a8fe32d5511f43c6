package org.recworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening a workspace: Flyway runs only when the schema is behind the bundled migrations. */
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
            // roll the last migration back by hand, as if this file had been created by the previous release
            s.executeUpdate("ALTER TABLE dataset ALTER COLUMN name SET DATA TYPE VARCHAR(200)");
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '5'");
            assertThat(Workspace.schemaVersion(c)).isEqualTo(4);
        }
        try (Workspace again = Workspace.open(db); Connection c = again.connect()) {
            assertThat(Workspace.schemaVersion(c)).isEqualTo(5);
            assertThat(nameColumn(c)).isEqualTo("400 NO");
            assertThat(again.datasets().list()).isEmpty();
        }
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
