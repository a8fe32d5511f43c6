package org.recworkbench.ui.compare;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.session.Session;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.tune.TuneViewModel;
import org.testfx.util.WaitForAsyncUtils;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.ui.FxTestSupport.fx;

class CompareViewModelTest {

    private final FxJobs jobs = new FxJobs();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    /**
     * A = 1 2 3 4, B = 3 1 5 6: shared {1, 3}, union 6 items, Jaccard 2/6. In A's order the shared items are 1, 3;
     * in B they come 3 then 1: ranks (1, 2) against (2, 1), Σd² = 2, Spearman 1 − 6·2/(2·3) = −1.
     */
    @Test
    void overlapAndRankCorrelationByHand() {
        ListComparison c = ListComparison.of(new int[] {1, 2, 3, 4}, new int[] {3, 1, 5, 6});
        assertThat(c.shared()).isEqualTo(2);
        assertThat(c.jaccard()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(c.spearman()).isCloseTo(-1, within(1e-12));
        ListComparison same = ListComparison.of(new int[] {4, 2, 9}, new int[] {4, 2, 9});
        assertThat(same.jaccard()).isEqualTo(1);
        assertThat(same.spearman()).isEqualTo(1);
        assertThat(ListComparison.of(new int[] {1}, new int[] {2}).spearman()).isNaN();
    }

    @Test
    void twoConfigurationsAreFittedAndTheirListsCompared() throws Exception {
        Session session = fx(() -> new Session(jobs));
        TuneViewModel tune = fx(() -> new TuneViewModel(session));
        DatasetBuilder b = new DatasetBuilder("d", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(4);
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 30; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        fx(() -> tune.useDataset(b.build()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tune.fitCount() == 1);
        CompareViewModel vm = fx(() -> new CompareViewModel(session, tune.listLengthProperty()));
        fx(() -> {
            vm.left().algorithmProperty().set(AlgorithmRegistry.require("item-knn"));
            vm.left().setParam("k", 5);
            vm.right().algorithmProperty().set(AlgorithmRegistry.require("item-knn"));
            vm.right().setParam("k", 5);
        });
        fx(vm::onCompare);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.comparisonProperty().get() != null);
        assertThat(vm.comparisonProperty().get().jaccard()).isEqualTo(1);
        assertThat(vm.left().rows()).hasSize(10).noneMatch(CompareViewModel.Row::onlyHere);

        fx(() -> vm.right().algorithmProperty().set(AlgorithmRegistry.require("popular")));
        fx(vm::onCompare);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.comparisonProperty().get().jaccard() < 1);
        long onlyLeft = vm.left().rows().stream().filter(CompareViewModel.Row::onlyHere).count();
        assertThat(vm.comparisonProperty().get().shared()).isEqualTo(10 - (int) onlyLeft);
        assertThat(vm.summaryProperty().get()).contains("items shared, Jaccard");

        assertThatThrownBy(() -> vm.left().setParam("k", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k");
        assertThat(vm.left().paramsProperty().get().getInt("k")).isEqualTo(5);

        fx(() -> vm.onExplain(vm.left(), vm.left().rows().get(0)));
        assertThat(vm.explanationProperty().get()).startsWith("item-knn\n").contains("Contributions");
    }
}
