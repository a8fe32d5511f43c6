package org.recworkbench.ui.history;

import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.Splitters;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.SampleData;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The history view model on a real workspace file with two recorded runs. */
class HistoryViewModelTest {

    @TempDir
    Path folder;

    private Workspace workspace;
    private FxJobs jobs;
    private HistoryViewModel vm;
    private long first;
    private long second;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        workspace = Workspace.open(folder.resolve("db"));
        SampleData.importOnFirstStart(workspace, Progress.NONE, Cancellation.NEVER);
        Dataset shop = workspace.datasets().load("teaching-shop");
        first = workspace.runs().save(experiment(5).run(shop, Progress.NONE, Cancellation.NEVER)).runId();
        second = workspace.runs().save(experiment(30).run(shop, Progress.NONE, Cancellation.NEVER)).runId();
        jobs = new FxJobs();
        vm = fx(() -> new HistoryViewModel(jobs, new ReadOnlyObjectWrapper<>(workspace).getReadOnlyProperty()));
        fx(vm::onRefresh);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.visibleRuns().size() == 2);
    }

    private static Experiment experiment(int k) {
        return new Experiment("item-knn", AlgorithmRegistry.require("item-knn").defaults().with("k", k),
                Splitters.parse("holdout:0.2"), MetricSpec.parseList("rmse,ndcg@10"), Relevance.explicit(4),
                Candidates.FULL, 42);
    }

    @AfterEach
    void close() {
        jobs.shutdown();
        workspace.close();
    }

    @Test
    void runsAreListedNewestFirstAndFilteredByEveryWord() throws Exception {
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(second, first);
        RunRow row = vm.visibleRuns().get(1);
        assertThat(row.dataset()).isEqualTo("teaching-shop");
        // the table shows what differs from the defaults; the filter still finds every stored value
        assertThat(row.params()).isEqualTo("k=5");
        assertThat(row.metrics()).startsWith("rmse ").contains("ndcg@10 ");
        fx(() -> vm.filterProperty().set("item-knn k=30"));
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(second);
        fx(() -> vm.filterProperty().set("bpr"));
        assertThat(vm.visibleRuns()).isEmpty();
    }

    @Test
    void twoRunsOnTheSameSplitAreComparedWithPairedTests() throws Exception {
        fx(() -> vm.onCompare(vm.visibleRuns().get(1), vm.visibleRuns().get(0)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.comparisonProperty().get() != null);
        var c = vm.comparisonProperty().get();
        assertThat(c.paired()).isTrue();
        assertThat(c.a().runId()).isEqualTo(first);
        assertThat(c.metrics()).extracting(m -> m.metric()).containsExactly("rmse", "ndcg@10");
        assertThat(c.metrics().get(0).pairs()).isPositive();
        assertThat(c.metrics().get(0).tTestP()).isBetween(0.0, 1.0);
    }

    @Test
    void reRunDeleteAndExport() throws Exception {
        fx(() -> vm.onRerun(vm.visibleRuns().get(1)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.visibleRuns().size() == 3);
        assertThat(vm.messageProperty().get()).isEqualTo("Run " + vm.visibleRuns().get(0).id() + " repeats run "
                + first);
        assertThat(vm.visibleRuns().get(0).metrics()).isEqualTo(vm.visibleRuns().get(2).metrics());

        Path csv = folder.resolve("runs.csv");
        fx(() -> vm.onExport(List.copyOf(vm.visibleRuns()), csv));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("run,dataset,algorithm,params,split,seed,scope,metric,value,low,high,n");
        assertThat(lines).hasSize(1 + 3 * (2 + 2));

        Path users = folder.resolve("users.csv");
        fx(() -> vm.onExportPerUser(vm.visibleRuns().get(2), users));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(users));
        List<String> perUser = Files.readAllLines(users, StandardCharsets.UTF_8);
        assertThat(perUser.get(0)).isEqualTo("fold,user_id,rmse,ndcg@10");
        assertThat(perUser.get(1)).matches("1,u\\d+,[0-9.]*,[0-9.]*");

        fx(() -> vm.onDelete(List.of(vm.visibleRuns().get(0), vm.visibleRuns().get(1))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.visibleRuns().size() == 1);
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(first);
        assertThat(workspace.runs().list()).hasSize(1);
    }
}
