package org.recworkbench.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Progress;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions, replace, rename, delete and the schema, on a real H2 file database. */
class DatasetStoreTest {

    @TempDir
    Path folder;
    private Workspace workspace;
    private Path ratings;

    @BeforeEach
    void open() throws IOException {
        workspace = Workspace.open(folder.resolve("db"));
        StringBuilder csv = new StringBuilder();
        for (int u = 0; u < 200; u++) {
            for (int i = 0; i < 100; i++) {
                if ((u + i) % 3 == 0) {
                    csv.append('u').append(u).append(",i").append(i).append(',').append(1 + (u * i) % 5).append('\n');
                }
            }
        }
        ratings = Files.writeString(folder.resolve("ratings.csv"), csv);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private void importAs(String name, boolean replace, Cancellation cancellation) {
        workspace.datasets().importFile(ImportRequest.of(name, ImportFormat.CSV, ratings).withReplace(replace),
                Progress.NONE, cancellation);
    }

    /** Cancels once the parse is done and the interactions are being stored. */
    private void importWhileStoringIsCancelled(String name, boolean replace, AtomicBoolean storing) {
        Progress watching = (fraction, message) -> {
            if (message.startsWith("Storing interactions")) {
                storing.set(true);
            }
        };
        workspace.datasets().importFile(ImportRequest.of(name, ImportFormat.CSV, ratings).withReplace(replace),
                watching, storing::get);
    }

    private List<Long> rowCounts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = workspace.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("dataset", "app_user", "item", "dataset_matrix")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @Test
    void theFileIsCreatedAndTheSchemaComesFromFlyway() throws SQLException {
        assertThat(folder.resolve("db.mv.db")).exists();
        try (Connection c = workspace.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void storedRowsMatchTheLoadedMatrix() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);
        Dataset d = workspace.datasets().load("grid");

        assertThat(rowCounts()).containsExactly(1L, 200L, 100L, 1L);
        assertThat(d.interactionCount()).isEqualTo(6667);
        assertThat(d.ratings().value(d.users().indexOf("u4"), d.items().indexOf("i2"))).isEqualTo(4f);
    }

    @Test
    void anImportKeepsTheInteractionsOnlyAsThePackedMatrix() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);

        try (Connection c = workspace.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'INTERACTION'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables named interaction").isZero();
        }
    }

    @Test
    void aSecondImportUnderTheSameNameIsRefusedWithoutReplace() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);
        List<Long> before = rowCounts();

        assertThatThrownBy(() -> importAs("grid", false, Cancellation.NEVER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already exists").hasMessageContaining("--replace");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void replaceSwapsTheContentsAndKeepsOneDataset() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);
        int firstId = workspace.datasets().require("grid").id();
        importAs("grid", true, Cancellation.NEVER);

        assertThat(workspace.datasets().list()).hasSize(1);
        assertThat(workspace.datasets().require("grid").id()).isNotEqualTo(firstId);
        assertThat(rowCounts()).containsExactly(1L, 200L, 100L, 1L);
    }

    @Test
    void cancellingWhileStoringLeavesTheDatabaseAsItWas() throws SQLException {
        importAs("first", false, Cancellation.NEVER);
        List<Long> before = rowCounts();
        AtomicBoolean storing = new AtomicBoolean();

        assertThatThrownBy(() -> importWhileStoringIsCancelled("second", false, storing))
                .isInstanceOf(CancelledException.class);
        assertThat(storing).isTrue();
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(workspace.datasets().find("second")).isEmpty();
    }

    @Test
    void cancellingAReplaceKeepsTheOldContents() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);
        DatasetInfo before = workspace.datasets().require("grid");
        AtomicBoolean storing = new AtomicBoolean();

        assertThatThrownBy(() -> importWhileStoringIsCancelled("grid", true, storing))
                .isInstanceOf(CancelledException.class);
        assertThat(storing).isTrue();
        assertThat(workspace.datasets().require("grid")).isEqualTo(before);
        assertThat(rowCounts()).containsExactly(1L, 200L, 100L, 1L);
    }

    @Test
    void whileAReplaceIsStoredOthersSeeTheOldDatasetAndNothingElse() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);
        DatasetInfo before = workspace.datasets().require("grid");
        List<List<DatasetInfo>> seen = new ArrayList<>();
        Progress watching = (fraction, message) -> {
            if (message.startsWith("Storing interactions")) {
                seen.add(workspace.datasets().list());
            }
        };

        workspace.datasets().importFile(ImportRequest.of("grid", ImportFormat.CSV, ratings).withReplace(true),
                watching, Cancellation.NEVER);

        assertThat(seen).isNotEmpty().allSatisfy(list -> assertThat(list).containsExactly(before));
        assertThat(workspace.datasets().require("grid").id()).isNotEqualTo(before.id());
        assertThat(rowCounts()).containsExactly(1L, 200L, 100L, 1L);
    }

    @Test
    void anImportInterruptedByACrashIsRemovedWhenTheWorkspaceOpensAgain() throws SQLException {
        importAs("kept", false, Cancellation.NEVER);
        try (Connection c = workspace.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO dataset (id, name, kind, format, source_files, checksum, created_at,"
                    + " user_count, item_count, interaction_count, rows_read, rows_skipped, duplicates, complete)"
                    + " VALUES (99, 'half', 'explicit', 'csv', '', '" + "0".repeat(64) + "', CURRENT_TIMESTAMP,"
                    + " 1, 1, 2, 2, 0, 0, FALSE)");
            s.executeUpdate("INSERT INTO app_user VALUES (99, 0, 'u')");
            s.executeUpdate("INSERT INTO dataset_matrix (dataset_id, row_starts, row_items, row_values)"
                    + " VALUES (99, X'00', X'00', X'00')");
        }
        assertThat(workspace.datasets().list()).extracting(DatasetInfo::name).containsExactly("kept");

        workspace.close();
        workspace = Workspace.open(folder.resolve("db"));

        assertThat(workspace.datasets().list()).extracting(DatasetInfo::name).containsExactly("kept");
        assertThat(rowCounts()).containsExactly(1L, 200L, 100L, 1L);
    }

    @Test
    void renameRefusesControlCharactersInTheNewName() {
        importAs("grid", false, Cancellation.NEVER);

        assertThatThrownBy(() -> workspace.datasets().rename("grid", "two\nlines"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("found \\n at character 4 of \"two\\nlines\"");
        assertThat(workspace.datasets().list()).extracting(DatasetInfo::name).containsExactly("grid");
    }

    @Test
    void renameAndDelete() throws SQLException {
        importAs("grid", false, Cancellation.NEVER);
        importAs("other", false, Cancellation.NEVER);
        workspace.datasets().rename("grid", "renamed");

        assertThat(workspace.datasets().list()).extracting(DatasetInfo::name).containsExactly("other", "renamed");
        assertThatThrownBy(() -> workspace.datasets().rename("other", "renamed"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");

        workspace.datasets().delete("renamed");
        assertThat(workspace.datasets().list()).extracting(DatasetInfo::name).containsExactly("other");
        assertThat(rowCounts()).containsExactly(1L, 200L, 100L, 1L);
        assertThatThrownBy(() -> workspace.datasets().load("renamed"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No dataset named \"renamed\"");
    }

    @Test
    void infoRecordsSourceChecksumAndCounts() throws Exception {
        importAs("grid", false, Cancellation.NEVER);
        DatasetInfo info = workspace.datasets().require("grid");
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ratings));

        assertThat(info.checksum()).isEqualTo(java.util.HexFormat.of().formatHex(hash));
        assertThat(info.sourceFiles()).containsExactly("ratings.csv");
        assertThat(info.format()).isEqualTo("csv");
        assertThat(info.users()).isEqualTo(200);
        assertThat(info.rowsRead()).isEqualTo(6667);
    }

    @Test
    void reopeningFindsTheDataAgain() {
        importAs("grid", false, Cancellation.NEVER);
        workspace.close();
        workspace = Workspace.open(folder.resolve("db.mv.db"));

        assertThat(workspace.datasets().load("grid").interactionCount()).isEqualTo(6667);
    }
}
