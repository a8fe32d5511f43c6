package org.recworkbench.store;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.ItemCatalog;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportedData;
import org.recworkbench.store.importer.Importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Datasets in a workspace: list, import, rename, delete, each all-or-nothing as other readers see it. Loading is
 * {@link DatasetLoader}.
 */
public final class DatasetStore {

    private static final int ROW_BATCH = 1000;
    /** Names of datasets being stored or removed; never shown, never valid user input (a control character). */
    private static final String PENDING_PREFIX = "\u0001pending ";
    private static final String INFO_COLUMNS = "id, name, kind, format, source_files, checksum, created_at,"
            + " user_count, item_count, interaction_count, rows_read, rows_skipped, duplicates";

    private final Workspace workspace;

    DatasetStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<DatasetInfo> list() {
        try (Connection c = workspace.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT " + INFO_COLUMNS + " FROM dataset WHERE complete ORDER BY name")) {
            List<DatasetInfo> result = new ArrayList<>();
            while (rs.next()) {
                result.add(info(rs));
            }
            return result;
        } catch (SQLException e) {
            throw failure("list the datasets", e);
        }
    }

    public Optional<DatasetInfo> find(String name) {
        try (Connection c = workspace.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + INFO_COLUMNS + " FROM dataset WHERE name = ? AND complete")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("look up dataset " + name, e);
        }
    }

    public DatasetInfo require(String name) {
        return find(name).orElseThrow(() -> new InvalidInputException("No dataset named \"" + name + "\"; "
                + (list().isEmpty() ? "the database has none yet (import one first)"
                : "known datasets: " + String.join(", ", list().stream().map(DatasetInfo::name).toList()))));
    }

    /** Parses and stores a source in one go; nothing is written unless the whole import succeeds. */
    public ImportedData importFile(ImportRequest request, Progress progress, Cancellation cancellation) {
        refuseExisting(request.datasetName(), request.replace());
        ImportedData data = Importer.parse(request, progress.stage(0, 0.5), cancellation);
        save(data, request.replace(), progress.stage(0.5, 1), cancellation);
        return data;
    }

    private void refuseExisting(String name, boolean replace) {
        if (!replace && find(name).isPresent()) {
            throw new InvalidInputException("A dataset named \"" + name
                    + "\" already exists; choose another name or pass --replace to overwrite it");
        }
    }

    /**
     * Stores a parsed dataset, replacing one of the same name only when asked. Users and items, then the packed
     * matrix (the only copy of the interactions: nothing reads them row by row) go in as committed steps under a
     * hidden placeholder name; one last short transaction swaps the placeholder in, so other readers see the whole
     * dataset or nothing, and a failure or cancellation removes the steps already written.
     */
    public DatasetInfo save(ImportedData data, boolean replace, Progress progress, Cancellation cancellation) {
        HeavyWork.enter("DatasetStore.save " + data.dataset().name());
        Dataset dataset = data.dataset();
        try (Connection c = workspace.connect()) {
            refuseExisting(dataset.name(), replace);
            int id = insertDataset(c, data, PENDING_PREFIX + UUID.randomUUID());
            try {
                c.setAutoCommit(false);
                progress.report(0.02, "Storing users and items");
                insertUsers(c, id, dataset);
                insertItems(c, id, dataset);
                c.commit();
                cancellation.throwIfCancelled();
                progress.report(0.05, "Storing interactions");
                cancellation.throwIfCancelled();
                insertMatrix(c, id, dataset.ratings());
                c.commit();
                cancellation.throwIfCancelled();
                progress.report(0.97, "Committing");
                Optional<Integer> replaced = publish(c, id, dataset.name(), replace);
                c.setAutoCommit(true);
                replaced.ifPresent(old -> {
                    removeHidden(c, old);
                    workspace.noteSpaceFreed();
                });
                progress.report(1, "Stored " + dataset.name());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                removeQuietly(c, id, e);
                workspace.noteSpaceFreed();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store dataset " + dataset.name(), e);
        }
        return require(dataset.name());
    }

    /** Renames the staged dataset to its real name and shows it, hiding the one it replaces, in one transaction. */
    private static Optional<Integer> publish(Connection c, int id, String name, boolean replace) throws SQLException {
        Optional<Integer> existing = findId(c, name);
        if (existing.isPresent()) {
            if (!replace) {
                throw new InvalidInputException("A dataset named \"" + name
                        + "\" already exists; choose another name or pass --replace to overwrite it");
            }
            hide(c, existing.get());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE dataset SET name = ?, complete = TRUE WHERE id = ?")) {
            ps.setString(1, name);
            ps.setInt(2, id);
            ps.executeUpdate();
        }
        c.commit();
        return existing;
    }

    public void delete(String name) {
        DatasetInfo info = require(name);
        try (Connection c = workspace.connect()) {
            c.setAutoCommit(false);
            hide(c, info.id());
            c.commit();
            c.setAutoCommit(true);
            removeHidden(c, info.id());
            workspace.noteSpaceFreed();
        } catch (SQLException e) {
            throw failure("delete dataset " + name, e);
        }
    }

    /**
     * Removes what an interrupted import or delete left behind; called when a workspace opens.
     *
     * @return how many hidden datasets were removed
     */
    static int removeIncomplete(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM dataset WHERE NOT complete")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        for (int id : ids) {
            removeHidden(c, id);
        }
        return ids.size();
    }

    /** Takes a dataset out of every listing and frees its name (the caller commits). */
    private static void hide(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE dataset SET name = ?, complete = FALSE WHERE id = ?")) {
            ps.setString(1, PENDING_PREFIX + UUID.randomUUID());
            ps.setInt(2, id);
            ps.executeUpdate();
        }
    }

    /** Deletes a hidden dataset's row; its users, items and packed matrix go with it by cascade. */
    private static void removeHidden(Connection c, int id) {
        try (PreparedStatement dataset = c.prepareStatement("DELETE FROM dataset WHERE id = ?")) {
            dataset.setInt(1, id);
            dataset.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove the rows of a deleted dataset (the next start tries again)", e);
        }
    }

    /** Cleans up after a failed import without hiding the failure that caused it. */
    private static void removeQuietly(Connection c, int id, Exception cause) {
        try {
            removeHidden(c, id);
        } catch (RuntimeException second) {
            cause.addSuppressed(second);
        }
    }

    public void rename(String name, String newName) {
        DatasetInfo info = require(name);
        if (newName == null || newName.isBlank()) {
            throw new InvalidInputException("The new name must not be empty");
        }
        String checked = org.recworkbench.store.importer.DatasetNames.check(newName);
        refuseExisting(checked, false);
        try (Connection c = workspace.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE dataset SET name = ? WHERE id = ?")) {
            ps.setString(1, checked);
            ps.setInt(2, info.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("rename dataset " + name, e);
        }
    }

    /** Reads a stored dataset into memory. */
    public Dataset load(String name) {
        return new DatasetLoader(workspace).load(require(name));
    }

    private static Optional<Integer> findId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dataset WHERE name = ? AND complete")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    private static int insertDataset(Connection c, ImportedData data, String stagingName) throws SQLException {
        Dataset d = data.dataset();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset (name, kind, format, source_files,"
                + " checksum, created_at, user_count, item_count, interaction_count, rows_read, rows_skipped,"
                + " duplicates, complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, stagingName);
            ps.setString(2, d.kind().label());
            ps.setString(3, data.format().cliName());
            ps.setString(4, String.join("\n", data.sourceFiles()));
            ps.setString(5, data.checksum());
            ps.setObject(6, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.setInt(7, d.userCount());
            ps.setInt(8, d.itemCount());
            ps.setInt(9, d.interactionCount());
            ps.setLong(10, data.summary().rowsRead());
            ps.setLong(11, data.summary().skipped());
            ps.setLong(12, data.summary().duplicates());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    private static void insertUsers(Connection c, int id, Dataset d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_user (dataset_id, idx, external_id) VALUES (?, ?, ?)")) {
            for (int u = 0; u < d.userCount(); u++) {
                ps.setInt(1, id);
                ps.setInt(2, u);
                ps.setString(3, d.users().id(u));
                ps.addBatch();
                if ((u + 1) % ROW_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void insertItems(Connection c, int id, Dataset d) throws SQLException {
        ItemCatalog catalog = d.catalog();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (dataset_id, idx, external_id, title,"
                + " categories, text) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < d.itemCount(); i++) {
                ps.setInt(1, id);
                ps.setInt(2, i);
                ps.setString(3, d.items().id(i));
                ps.setString(4, catalog.title(i));
                ps.setString(5, String.join("|", catalog.categories(i)));
                ps.setString(6, catalog.text(i));
                ps.addBatch();
                if ((i + 1) % ROW_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void insertMatrix(Connection c, int id, RatingMatrix m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_matrix (dataset_id, row_starts,"
                + " row_items, row_values, row_timestamps, row_arrivals) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, id);
            ps.setBytes(2, PackedArrays.pack(m.copyRowStarts()));
            ps.setBytes(3, PackedArrays.pack(m.copyRowItems()));
            ps.setBytes(4, PackedArrays.pack(m.copyRowValues()));
            int[] timestamps = m.copyRowTimestamps();
            ps.setBytes(5, timestamps == null ? null : PackedArrays.pack(timestamps));
            int[] arrivals = m.copyRowArrivals();
            ps.setBytes(6, arrivals == null ? null : PackedArrays.pack(arrivals));
            ps.executeUpdate();
        }
    }

    static DatasetInfo info(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        String sources = rs.getString("source_files");
        return new DatasetInfo(rs.getInt("id"), rs.getString("name"), DatasetKind.fromLabel(rs.getString("kind")),
                rs.getString("format"), sources.isEmpty() ? List.of() : List.of(sources.split("\n")),
                rs.getString("checksum"), created == null ? Instant.EPOCH : created.toInstant(),
                rs.getInt("user_count"), rs.getInt("item_count"), rs.getInt("interaction_count"),
                rs.getLong("rows_read"), rs.getLong("rows_skipped"), rs.getLong("duplicates"));
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + ": " + e.getMessage(), e);
    }
}
