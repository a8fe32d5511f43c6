package org.recworkbench.store;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.ItemCatalog;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.HeavyWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Turns a stored dataset into the in-memory {@link Dataset}: ids, catalogue, and the packed CSR arrays. */
public final class DatasetLoader {

    private final Workspace workspace;

    public DatasetLoader(Workspace workspace) {
        this.workspace = workspace;
    }

    public Dataset load(DatasetInfo info) {
        HeavyWork.enter("DatasetLoader.load " + info.name());
        try (Connection c = workspace.connect()) {
            IdIndex users = IdIndex.of(externalIds(c, "app_user", info.id()));
            CatalogRows items = catalog(c, info.id());
            RatingMatrix matrix = matrix(c, info);
            return new Dataset(info.name(), info.kind(), users, IdIndex.of(items.ids), matrix,
                    new ItemCatalog(items.titles.toArray(String[]::new), items.categories.toArray(String[][]::new),
                            items.texts.toArray(String[]::new)));
        } catch (SQLException e) {
            throw new StoreException("Could not load dataset " + info.name() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> externalIds(Connection c, String table, int datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT external_id FROM " + table + " WHERE dataset_id = ? ORDER BY idx")) {
            ps.setInt(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private record CatalogRows(List<String> ids, List<String> titles, List<String[]> categories, List<String> texts) {
    }

    private static CatalogRows catalog(Connection c, int datasetId) throws SQLException {
        CatalogRows rows = new CatalogRows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (PreparedStatement ps = c.prepareStatement("SELECT external_id, title, categories, text FROM item"
                + " WHERE dataset_id = ? ORDER BY idx")) {
            ps.setInt(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.ids.add(rs.getString(1));
                    rows.titles.add(rs.getString(2));
                    String categories = rs.getString(3);
                    rows.categories.add(categories.isEmpty() ? new String[0] : categories.split("\\|"));
                    rows.texts.add(rs.getString(4));
                }
            }
        }
        return rows;
    }

    private static RatingMatrix matrix(Connection c, DatasetInfo info) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_starts, row_items, row_values, row_timestamps,"
                + " row_arrivals FROM dataset_matrix WHERE dataset_id = ?")) {
            ps.setInt(1, info.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("Dataset " + info.name() + " has no stored matrix; re-import it");
                }
                byte[] timestamps = rs.getBytes(4);
                byte[] arrivals = rs.getBytes(5);
                return new RatingMatrix(info.users(), info.items(), PackedArrays.unpackInts(rs.getBytes(1)),
                        PackedArrays.unpackInts(rs.getBytes(2)), PackedArrays.unpackFloats(rs.getBytes(3)),
                        timestamps == null ? null : PackedArrays.unpackInts(timestamps),
                        arrivals == null ? null : PackedArrays.unpackInts(arrivals));
            }
        }
    }
}
