package org.recworkbench.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Splitters;
import org.recworkbench.eval.Summary;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run history on a real H2 file: what is saved comes back unchanged, deletes cascade, a failed save leaves nothing. */
class RunStoreTest {

    @TempDir
    Path folder;

    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder.resolve("db"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private static Dataset ratings() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] m = new double[25][15];
        for (double[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble() < 0.4 ? 1 + random.nextInt(5) : Double.NaN;
            }
        }
        return DatasetBuilder.fromMatrix("grid", DatasetKind.EXPLICIT, m);
    }

    private static RunResult evaluate(Dataset d, int k) {
        var itemKnn = AlgorithmRegistry.require("item-knn");
        return new Experiment("item-knn", itemKnn.defaults().with("k", k), Splitters.parse("kfold:3"),
                MetricSpec.parseList("rmse,mae,coverage,ndcg@5,auc,gini@5"), Relevance.explicit(4), Candidates.FULL,
                7).run(d, Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void aSavedRunComesBackWithItsMetricsFoldsAndPerUserValues() {
        RunResult run = evaluate(ratings(), 5);
        RunResult saved = workspace.runs().save(run);
        assertThat(saved.runId()).isPositive();

        RunResult back = workspace.runs().find(saved.runId()).orElseThrow();
        assertThat(back.dataset()).isEqualTo("grid");
        assertThat(back.datasetChecksum()).isEqualTo(run.datasetChecksum()).hasSize(64);
        assertThat(back.algorithm()).isEqualTo("item-knn");
        assertThat(back.params()).isEqualTo(run.params()).containsEntry("k", "5");
        assertThat(back.split()).isEqualTo("kfold:3");
        assertThat(back.seed()).isEqualTo(7);
        assertThat(back.relevance()).isEqualTo(Relevance.explicit(4));
        assertThat(back.candidates()).isEqualTo(Candidates.FULL);
        assertThat(back.metrics().keySet()).containsExactly("rmse", "mae", "coverage", "ndcg@5", "auc", "gini@5");
        for (Map.Entry<String, Summary> e : run.metrics().entrySet()) {
            Summary b = back.metrics().get(e.getKey());
            assertThat(Double.valueOf(b.value())).as(e.getKey()).isEqualTo(Double.valueOf(e.getValue().value()));
            assertThat(Double.valueOf(b.low())).as(e.getKey()).isEqualTo(Double.valueOf(e.getValue().low()));
            assertThat(Double.valueOf(b.high())).as(e.getKey()).isEqualTo(Double.valueOf(e.getValue().high()));
            assertThat(b.n()).as(e.getKey()).isEqualTo(e.getValue().n());
        }
        assertThat(back.folds()).hasSize(3);
        for (int f = 0; f < 3; f++) {
            FoldResult a = run.folds().get(f);
            FoldResult b = back.folds().get(f);
            assertThat(b.values()).isEqualTo(a.values());
            assertThat(b.ratingTotals()).isEqualTo(a.ratingTotals());
            assertThat(b.trainSize() + b.testSize()).isEqualTo(ratings().interactionCount());
            assertThat(b.rankedUsers()).isEqualTo(a.rankedUsers());
        }
        assertThat(back.perUser().keySet()).isEqualTo(run.perUser().keySet());
        run.perUser().forEach((k, v) -> assertThat(back.perUser().get(k)).as(k).containsExactly(v));
        assertThat(back.users()).isEqualTo(25);
        assertThat(back.startedAt().toEpochMilli()).isEqualTo(run.startedAt().toEpochMilli());
    }

    @Test
    void listIsNewestFirstAndDeleteRemovesEveryRowOfTheRun() throws Exception {
        Dataset d = ratings();
        long first = workspace.runs().save(evaluate(d, 3)).runId();
        long second = workspace.runs().save(evaluate(d, 6)).runId();
        assertThat(workspace.runs().list()).extracting(RunResult::runId).containsExactly(second, first);
        assertThat(workspace.runs().list().get(0).perUser()).as("the list leaves per-user values out").isEmpty();

        assertThat(workspace.runs().delete(first)).isTrue();
        assertThat(workspace.runs().delete(first)).isFalse();
        assertThat(workspace.runs().find(first)).isEmpty();
        assertThat(count("run_metric", first) + count("run_fold", first) + count("run_user_values", first)).isZero();
        assertThat(count("run_metric", second)).isPositive();
    }

    @Test
    void aRunThatCannotBeSavedLeavesNothingBehind() throws Exception {
        RunResult run = evaluate(ratings(), 4);
        Map<String, Summary> metrics = new LinkedHashMap<>(run.metrics());
        metrics.put("x".repeat(100), Summary.single(1, 1));
        RunResult broken = new RunResult(0, run.dataset(), run.datasetChecksum(), run.algorithm(), run.params(),
                run.split(), run.seed(), run.relevance(), run.candidates(), metrics, run.folds(), run.perUser(),
                run.users(), run.seconds(), run.startedAt(), run.appVersion());
        assertThatThrownBy(() -> workspace.runs().save(broken)).isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not save the run");
        assertThat(workspace.runs().list()).isEmpty();
        try (Connection c = workspace.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM run_metric")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private int count(String table, long run) throws Exception {
        try (Connection c = workspace.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE run_id = " + run)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
