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
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.RecommendationListReader;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** A run of a list made elsewhere ("external") in the history: listed, compared, re-run only while unchanged. */
class HistoryExternalRunTest {

    @TempDir
    Path folder;

    private Workspace workspace;
    private FxJobs jobs;
    private HistoryViewModel vm;
    private Path recs;
    private long external;
    private long internal;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        workspace = Workspace.open(folder.resolve("db"));
        Path train = folder.resolve("train.csv");
        Files.writeString(train, "u1,i1\nu1,i2\nu2,i3\nu3,i1\nu3,i4\nu3,i5\nu3,i6\n", StandardCharsets.UTF_8);
        Path test = folder.resolve("test.csv");
        Files.writeString(test, "u1,i3\nu1,i5\nu2,i1\nu2,i2\nu2,i6\nu3,i2\n", StandardCharsets.UTF_8);
        workspace.datasets().importFile(ImportRequest.of("tiny", ImportFormat.CSV, train), Progress.NONE,
                Cancellation.NEVER);
        workspace.datasets().importFile(ImportRequest.of("tiny-test", ImportFormat.CSV, test), Progress.NONE,
                Cancellation.NEVER);
        Dataset tiny = workspace.datasets().load("tiny");
        Dataset tinyTest = workspace.datasets().load("tiny-test");
        recs = folder.resolve("recs.csv");
        Files.writeString(recs, "user,item,rank\nu1,i3,1\nu1,i4,2\nu2,i4,1\nu2,i6,2\n", StandardCharsets.UTF_8);
        var metrics = MetricSpec.parseList("precision@2,ndcg@2");
        external = workspace.runs().save(ExternalEvaluation.run(tiny, new GivenTestSet(tinyTest),
                RecommendationListReader.read(recs, tiny, Progress.NONE, Cancellation.NEVER), metrics,
                Relevance.implicit(), 42, Progress.NONE, Cancellation.NEVER).run()).runId();
        internal = workspace.runs().save(new Experiment("popular", AlgorithmRegistry.require("popular").defaults(),
                new GivenTestSet(tinyTest), metrics, Relevance.implicit(), Candidates.FULL, 42)
                .run(tiny, Progress.NONE, Cancellation.NEVER)).runId();
        jobs = new FxJobs();
        vm = fx(() -> new HistoryViewModel(jobs, new ReadOnlyObjectWrapper<>(workspace).getReadOnlyProperty()));
        fx(vm::onRefresh);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.visibleRuns().size() == 2);
    }

    @AfterEach
    void close() {
        jobs.shutdown();
        workspace.close();
    }

    private RunRow row(long id) {
        return vm.visibleRuns().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void anExternalRunIsListedByFileAndComparedWithAModelOnTheSameTestSet() throws Exception {
        RunRow row = row(external);
        assertThat(row.algorithm()).isEqualTo("external");
        assertThat(row.params()).startsWith("recs.csv, sha256=").endsWith("…");
        // u1 [i3, i4] hits i3 at rank 1, u2 [i4, i6] hits i6 at rank 2, u3 has no list: P@2 = (1/2 + 1/2 + 0)/3
        assertThat(row.metrics()).startsWith("precision@2 0.3333");
        fx(() -> vm.filterProperty().set("external recs.csv"));
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(external);
        fx(() -> vm.filterProperty().set(""));
        fx(() -> vm.onCompare(row(external), row(internal)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.comparisonProperty().get() != null);
        assertThat(vm.comparisonProperty().get().paired()).isTrue();
    }

    @Test
    void reRunReadsTheFileAgainOnlyWhileItIsUnchanged() throws Exception {
        fx(() -> vm.onRerun(row(external)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.visibleRuns().size() == 3);
        long again = vm.visibleRuns().get(0).id();
        assertThat(vm.messageProperty().get()).isEqualTo("Run " + again + " repeats run " + external);
        assertThat(row(again).metrics()).isEqualTo(row(external).metrics());

        Files.writeString(recs, "u3,i2,1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        fx(() -> vm.onRerun(row(external)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().contains("changed"));
        assertThat(vm.messageProperty().get()).contains("recs.csv").contains("has changed since");
        assertThat(vm.visibleRuns()).hasSize(3);
    }
}
