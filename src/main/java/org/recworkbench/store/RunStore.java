package org.recworkbench.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.RatingTotals;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run history: experiments with their metrics, folds and per-user values, each saved in one transaction. */
public final class RunStore {

    private static final Gson GSON = new Gson();
    private static final int AGGREGATE = -1;

    private final Workspace workspace;

    RunStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Saves a run and returns it with its new id. */
    public RunResult save(RunResult run) {
        try (Connection c = workspace.connect()) {
            c.setAutoCommit(false);
            try {
                long id = insertRun(c, run);
                insertMetrics(c, id, AGGREGATE, run.metrics());
                for (FoldResult f : run.folds()) {
                    Map<String, Summary> foldValues = new LinkedHashMap<>();
                    f.values().forEach((k, v) -> foldValues.put(k, Summary.single(v, f.rankedUsers())));
                    insertMetrics(c, id, f.index(), foldValues);
                    insertFold(c, id, f);
                }
                insertUserValues(c, id, run.perUser());
                c.commit();
                return run.withRunId(id);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not save the run: " + e.getMessage(), e);
        }
    }

    /** All runs, newest first, without their per-user values. */
    public List<RunResult> list() {
        try (Connection c = workspace.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM run ORDER BY id DESC")) {
            List<RunResult> runs = new ArrayList<>();
            while (rs.next()) {
                runs.add(read(c, rs, false));
            }
            return runs;
        } catch (SQLException e) {
            throw new StoreException("Could not list runs: " + e.getMessage(), e);
        }
    }

    /** One run with everything stored about it. */
    public Optional<RunResult> find(long id) {
        try (Connection c = workspace.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM run WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read run " + id + ": " + e.getMessage(), e);
        }
    }

    /** @return whether a run with this id existed */
    public boolean delete(long id) {
        try (Connection c = workspace.connect();
             PreparedStatement ps = c.prepareStatement("DELETE FROM run WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Could not delete run " + id + ": " + e.getMessage(), e);
        }
    }

    private static long insertRun(Connection c, RunResult run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (dataset, dataset_checksum, algorithm, params, "
                + "split, seed, explicit_data, relevance, negatives, metrics, users, seconds, started_at, app_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, run.dataset());
            ps.setString(2, run.datasetChecksum());
            ps.setString(3, run.algorithm());
            ps.setString(4, GSON.toJson(run.params()));
            ps.setString(5, run.split());
            ps.setLong(6, run.seed());
            ps.setBoolean(7, run.relevance().explicit());
            ps.setDouble(8, run.relevance().threshold());
            ps.setInt(9, run.candidates().negatives());
            ps.setString(10, String.join(",", run.metrics().keySet()));
            ps.setInt(11, run.users());
            ps.setDouble(12, run.seconds());
            ps.setTimestamp(13, Timestamp.from(run.startedAt()));
            ps.setString(14, run.appVersion());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertMetrics(Connection c, long id, int fold, Map<String, Summary> metrics)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_metric (run_id, fold, metric, position, val, "
                + "low, high, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Map.Entry<String, Summary> e : metrics.entrySet()) {
                ps.setLong(1, id);
                ps.setInt(2, fold);
                ps.setString(3, e.getKey());
                ps.setInt(4, position++);
                setDouble(ps, 5, e.getValue().value());
                setDouble(ps, 6, e.getValue().low());
                setDouble(ps, 7, e.getValue().high());
                ps.setInt(8, e.getValue().n());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertFold(Connection c, long id, FoldResult f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_fold VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)")) {
            RatingTotals t = f.ratingTotals();
            ps.setLong(1, id);
            ps.setInt(2, f.index());
            ps.setInt(3, f.trainSize());
            ps.setInt(4, f.testSize());
            ps.setInt(5, f.coldUsers());
            ps.setInt(6, f.coldItems());
            ps.setInt(7, f.coldTestEntries());
            ps.setInt(8, f.rankedUsers());
            ps.setInt(9, f.usersWithoutRelevant());
            ps.setLong(10, t.entries());
            ps.setLong(11, t.covered());
            ps.setDouble(12, t.sumError());
            ps.setDouble(13, t.sumSquared());
            ps.setDouble(14, t.sumFourth());
            ps.setDouble(15, t.sumAbsolute());
            ps.setDouble(16, f.fitSeconds());
            ps.setDouble(17, f.evaluateSeconds());
            ps.setInt(18, f.droppedTestEntries());
            ps.executeUpdate();
        }
    }

    private static void insertUserValues(Connection c, long id, Map<String, double[]> perUser) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_user_values VALUES (?, ?, ?)")) {
            for (Map.Entry<String, double[]> e : perUser.entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, e.getKey());
                ps.setBytes(3, PackedArrays.pack(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }

    private static double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static RunResult read(Connection c, ResultSet rs, boolean withUserValues) throws SQLException {
        long id = rs.getLong("id");
        Map<String, String> params = GSON.fromJson(rs.getString("params"),
                new TypeToken<LinkedHashMap<String, String>>() { }.getType());
        Map<Integer, Map<String, Summary>> metrics = readMetrics(c, id);
        List<FoldResult> folds = readFolds(c, id, metrics);
        Map<String, double[]> perUser = withUserValues ? readUserValues(c, id) : Map.of();
        return new RunResult(id, rs.getString("dataset"), rs.getString("dataset_checksum"),
                rs.getString("algorithm"), params, rs.getString("split"), rs.getLong("seed"),
                new Relevance(rs.getBoolean("explicit_data"), rs.getDouble("relevance")),
                new Candidates(rs.getInt("negatives")), metrics.getOrDefault(AGGREGATE, Map.of()), folds, perUser,
                rs.getInt("users"), rs.getDouble("seconds"), rs.getTimestamp("started_at").toInstant(),
                rs.getString("app_version"));
    }

    private static Map<Integer, Map<String, Summary>> readMetrics(Connection c, long id) throws SQLException {
        Map<Integer, Map<String, Summary>> byFold = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM run_metric WHERE run_id = ? ORDER BY fold, position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byFold.computeIfAbsent(rs.getInt("fold"), f -> new LinkedHashMap<>()).put(rs.getString("metric"),
                            new Summary(getDouble(rs, "val"), getDouble(rs, "low"), getDouble(rs, "high"),
                                    rs.getInt("n")));
                }
            }
        }
        return byFold;
    }

    private static List<FoldResult> readFolds(Connection c, long id, Map<Integer, Map<String, Summary>> metrics)
            throws SQLException {
        List<FoldResult> folds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM run_fold WHERE run_id = ? ORDER BY fold")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int fold = rs.getInt("fold");
                    Map<String, Double> values = new LinkedHashMap<>();
                    metrics.getOrDefault(fold, Map.of()).forEach((k, v) -> values.put(k, v.value()));
                    RatingTotals totals = new RatingTotals(rs.getLong("rating_entries"), rs.getLong("rating_covered"),
                            rs.getDouble("sum_error"), rs.getDouble("sum_squared"), rs.getDouble("sum_fourth"),
                            rs.getDouble("sum_absolute"));
                    folds.add(new FoldResult(fold, values, Map.of(), totals, rs.getInt("ranked_users"),
                            rs.getInt("users_without_relevant"), rs.getInt("train_size"), rs.getInt("test_size"),
                            rs.getInt("cold_users"), rs.getInt("cold_items"), rs.getInt("cold_test_entries"),
                            rs.getInt("dropped_test_entries"), rs.getDouble("fit_seconds"), rs.getDouble("evaluate_seconds")));
                }
            }
        }
        return folds;
    }

    private static Map<String, double[]> readUserValues(Connection c, long id) throws SQLException {
        Map<String, double[]> values = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, vals FROM run_user_values WHERE run_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), PackedArrays.unpackDoubles(rs.getBytes(2)));
                }
            }
        }
        return values;
    }
}
