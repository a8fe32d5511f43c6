package org.recworkbench.ui.explore;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

class ExploreViewModelTest {

    private final FxJobs jobs = new FxJobs();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    @Test
    void aDatasetIsProfiledAndItsTablesSearched() throws Exception {
        DatasetBuilder b = new DatasetBuilder("shop", DatasetKind.EXPLICIT);
        b.item("i1", "Green hose", new String[] {"Garden"}, "");
        b.item("i2", "Blue pot", new String[] {"Kitchen"}, "");
        b.item("i3", "Green pot", new String[] {"Garden", "Kitchen"}, "");
        b.add("u1", "i1", 4).add("u1", "i2", 2).add("u2", "i1", 5).add("u3", "i3", 1);
        Dataset d = b.build();
        SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
        ExploreViewModel vm = fx(() -> new ExploreViewModel(jobs, data));
        fx(() -> data.set(d));
        Thread.sleep(200);
        assertThat(vm.profileProperty().get()).as("not profiled while hidden").isNull();
        fx(() -> vm.setVisible(true));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.profileProperty().get() != null);
        assertThat(ExploreViewModel.facts(vm.profileProperty().get())).startsWith("3 users · 3 items · 4 interactions"
                + " · density 44.4444% · values 1–5 (mean 3.000)");
        assertThat(vm.visibleItems()).hasSize(3);
        assertThat(vm.visibleItems().get(0).mean()).isEqualTo(4.5);
        fx(() -> vm.searchProperty().set("green"));
        assertThat(vm.visibleItems()).extracting(r -> r.id()).containsExactly("i1", "i3");
        fx(() -> vm.searchProperty().set("kitchen"));
        assertThat(vm.visibleItems()).extracting(r -> r.id()).containsExactly("i2", "i3");
        fx(() -> vm.searchProperty().set("u2"));
        assertThat(vm.visibleUsers()).extracting(r -> r.id()).containsExactly("u2");
        assertThat(vm.seriesProperty().get().longTail()).isNotEmpty();
    }
}
