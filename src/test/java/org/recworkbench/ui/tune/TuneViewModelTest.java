package org.recworkbench.ui.tune;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.session.Session;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The Tune & Recommend view model without a stage: only the JavaFX toolkit runs (headless). */
class TuneViewModelTest {

    private FxJobs jobs;
    private TuneViewModel vm;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        jobs = new FxJobs();
        vm = fx(() -> new TuneViewModel(new Session(jobs)));
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private static Dataset shop() {
        DatasetBuilder b = new DatasetBuilder("shop", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(11);
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private void fitted(int fits) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.fitCount() >= fits);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A new user's list is worked out in the background. */
    private void coldStarted(int lists) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.coldStartCount() >= lists);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aLoadedDatasetIsFittedAndTheMostActiveUserGetsATopTen() throws Exception {
        Dataset d = shop();
        fx(() -> vm.useDataset(d));
        fitted(1);
        int user = vm.userProperty().get();
        for (int u = 0; u < d.userCount(); u++) {
            assertThat(d.ratings().rowLength(u)).isLessThanOrEqualTo(d.ratings().rowLength(user));
        }
        assertThat(vm.history()).hasSize(d.ratings().rowLength(user));
        assertThat(vm.recommendations()).hasSize(10);
        Model expected = AlgorithmRegistry.require("item-knn").fit(d, AlgorithmRegistry.require("item-knn")
                .defaults(), org.recworkbench.job.Progress.NONE, org.recworkbench.job.Cancellation.NEVER);
        int[] items = expected.recommend(user, 10).items();
        assertThat(vm.recommendations()).extracting(RecommendationRow::item)
                .containsExactly(java.util.Arrays.stream(items).boxed().toArray(Integer[]::new));
        assertThat(vm.recommendations()).allSatisfy(r -> assertThat(r.movementText()).isEmpty());
        assertThat(vm.recommendations().get(0).why()).isNotBlank();
    }

    @Test
    void onBigDatasetsAUsersListIsWorkedOutInTheBackground() throws Exception {
        Dataset d = shop();
        fx(() -> vm.setLiveListLimit(0));
        fx(() -> vm.useDataset(d));
        fitted(1);
        Model model = vm.modelProperty().get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.recommendations().size()) == 10);
        int other = fx(() -> vm.userProperty().get()) == 5 ? 6 : 5;
        List<String> titles = fx(() -> {
            vm.userProperty().set(other);
            assertThat(vm.recommendations()).as("the previous user's list is not left standing").isEmpty();
            return jobs.snapshot().stream().map(org.recworkbench.ui.common.RunningJob::title).toList();
        });
        assertThat(titles).as("the list is a job, not work on the FX thread").contains("Top 10 for user u" + other);
        Integer[] expected = java.util.Arrays.stream(model.recommend(other, 10).items()).boxed().toArray(Integer[]::new);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.recommendations().stream()
                .map(RecommendationRow::item).toList()).equals(List.of(expected)));
        // a k change re-scores in the background too, and the newest request wins
        fx(() -> {
            vm.setParam("k", 3);
            vm.setParam("k", 4);
            return null;
        });
        Integer[] withK4 = java.util.Arrays.stream(model.withParams(model.params().with("k", 4)).orElseThrow()
                .recommend(other, 10).items()).boxed().toArray(Integer[]::new);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.recommendations().stream()
                .map(RecommendationRow::item).toList()).equals(List.of(withK4)) && fx(() -> jobs.snapshot().isEmpty()));
    }

    @Test
    void movingKReScoresWithoutARefitAndMarksMovementsWhileOtherParametersNeedAFit() throws Exception {
        fx(() -> vm.useDataset(shop()));
        fitted(1);
        List<RecommendationRow> before = List.copyOf(vm.recommendations());
        fx(() -> vm.setParam("k", 3));
        assertThat(vm.fitCount()).as("k is rescore-only").isEqualTo(1);
        assertThat(vm.fitNeededProperty().get()).isFalse();
        assertThat(vm.modelProperty().get().params().getInt("k")).isEqualTo(3);
        List<RecommendationRow> after = List.copyOf(vm.recommendations());
        assertThat(after).extracting(RecommendationRow::item)
                .isNotEqualTo(before.stream().map(RecommendationRow::item).toList());
        assertThat(after).anySatisfy(r -> assertThat(r.movementText()).matches("▲\\d+|▼\\d+|new"));
        for (RecommendationRow r : after) {
            RecommendationRow old = before.stream().filter(b -> b.item() == r.item()).findFirst().orElse(null);
            if (old == null) {
                assertThat(r.movement()).isEqualTo(RecommendationRow.NEW);
            } else {
                assertThat(r.movement()).isEqualTo(old.rank() - r.rank());
            }
        }

        fx(() -> vm.setParam("similarity", "pearson"));
        assertThat(vm.fitNeededProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("press Fit");
        fx(vm::onFit);
        fitted(2);
        assertThat(vm.fitNeededProperty().get()).isFalse();
        assertThat(vm.modelProperty().get().params().getChoice("similarity")).isEqualTo("pearson");
    }

    @Test
    void aSliderDragEndsWithTheMovementsOfTheWholeDragNotOfItsLastStep() throws Exception {
        fx(() -> vm.useDataset(shop()));
        fitted(1);
        List<RecommendationRow> before = List.copyOf(vm.recommendations());
        fx(() -> {
            vm.setAdjusting(true);
            for (int k = 29; k >= 3; k--) {
                vm.setParam("k", k);
            }
            vm.setParam("k", 3);
            vm.setAdjusting(false);
        });
        List<RecommendationRow> after = List.copyOf(vm.recommendations());
        assertThat(after).anySatisfy(r -> assertThat(r.movementText()).matches("▲\\d+|▼\\d+|new"));
        for (RecommendationRow r : after) {
            RecommendationRow old = before.stream().filter(b -> b.item() == r.item()).findFirst().orElse(null);
            assertThat(r.movement()).as("item %s against the list before the drag", r.itemId())
                    .isEqualTo(old == null ? RecommendationRow.NEW : old.rank() - r.rank());
        }
        // the next change compares with what the drag left
        fx(() -> vm.setParam("k", 4));
        for (RecommendationRow r : vm.recommendations()) {
            RecommendationRow old = after.stream().filter(b -> b.item() == r.item()).findFirst().orElse(null);
            assertThat(r.movement()).isEqualTo(old == null ? RecommendationRow.NEW : old.rank() - r.rank());
        }
    }

    @Test
    void anExportAfterAParameterChangeWritesTheParametersOnScreenNotTheLastFit(@org.junit.jupiter.api.io.TempDir
                                                                                  java.nio.file.Path folder)
            throws Exception {
        fx(() -> vm.useDataset(shop()));
        fitted(1);
        fx(() -> vm.setParam("similarity", "pearson"));
        assertThat(vm.fitNeededProperty().get()).isTrue();
        java.nio.file.Path csv = folder.resolve("all.csv");
        fx(() -> vm.onExportAll(csv, false));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.messageProperty().get().contains("wrote"));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.get(1)).contains("similarity=pearson");
        assertThat(vm.messageProperty().get()).startsWith("Refitted with the parameters on screen");
    }

    @Test
    void usersAreFoundByIdOrAtRandomAndARowExplainsItself() throws Exception {
        fx(() -> vm.useDataset(shop()));
        fitted(1);
        assertThat(fx(() -> vm.onFindUser(" u7 "))).isTrue();
        assertThat(vm.userIds().get(vm.userProperty().get())).isEqualTo("u7");
        assertThat(fx(() -> vm.onFindUser("nobody"))).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("No user \"nobody\" in this dataset");
        fx(vm::onRandomUser);
        assertThat(vm.userProperty().get()).isBetween(0, 59);

        RecommendationRow first = vm.recommendations().get(0);
        fx(() -> vm.onExplain(first));
        assertThat(vm.selectedItemProperty().get()).isEqualTo(first.itemId());
        assertThat(vm.explanationProperty().get()).contains("for user " + vm.userIds().get(vm.userProperty().get()))
                .contains("Contributions").contains("score");
    }

    @Test
    void scoringASettingRunsAQuickHoldoutEvaluation() throws Exception {
        fx(() -> vm.useDataset(shop()));
        fitted(1);
        fx(vm::onScore);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.scoreProperty().get().startsWith("RMSE"));
        assertThat(vm.scoreProperty().get()).matches("RMSE \\d\\.\\d{4} · NDCG@10 \\d\\.\\d{4} \\(holdout 20%, seed 42\\)");
    }

    @Test
    void resetRestoresTheDefaultsAndChangingAlgorithmRefits() throws Exception {
        fx(() -> vm.useDataset(shop()));
        fitted(1);
        fx(() -> vm.setParam("k", 7));
        fx(vm::onResetParams);
        assertThat(vm.paramsProperty().getValue()).isEqualTo(AlgorithmRegistry.require("item-knn").defaults());
        fx(() -> vm.algorithmProperty().set(AlgorithmRegistry.require("popular")));
        fitted(2);
        assertThat(vm.modelProperty().get().algorithmId()).isEqualTo("popular");
        assertThat(vm.recommendations()).hasSize(10);
    }

    @Test
    void aNewUserGetsFoldInRecommendationsWithoutARefit() throws Exception {
        Dataset d = shop();
        fx(() -> vm.useDataset(d));
        fitted(1);
        List<Integer> popular = vm.popularItems(5);
        assertThat(popular).hasSize(5);
        assertThat(d.ratings().colLength(popular.get(0))).isGreaterThanOrEqualTo(d.ratings().colLength(popular.get(4)));
        int[] items = {popular.get(0), popular.get(1)};
        double[] values = {5, 1};
        fx(() -> vm.onNewUser(items, values));
        coldStarted(1);
        assertThat(vm.fitCount()).isEqualTo(1);
        assertThat(vm.userProperty().get()).isEqualTo(-1);
        assertThat(vm.history()).hasSize(2);
        var expected = vm.modelProperty().get().foldIn(new org.recworkbench.algo.UserProfile(items, values))
                .orElseThrow().recommend(10);
        assertThat(vm.recommendations()).extracting(RecommendationRow::item)
                .containsExactly(java.util.Arrays.stream(expected.items()).boxed().toArray(Integer[]::new));
        assertThat(vm.recommendations()).noneMatch(r -> r.item() == items[0] || r.item() == items[1]);
        assertThat(vm.messageProperty().get()).isEqualTo("New user: 2 ratings folded into item-knn (no refit)");

        fx(() -> vm.algorithmProperty().set(AlgorithmRegistry.require("ncf")));
        fitted(2);
        fx(() -> vm.onNewUser(items, values));
        coldStarted(2);
        assertThat(vm.messageProperty().get()).startsWith("ncf cannot fold in a new user");
    }
}
