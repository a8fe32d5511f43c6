package org.recworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataTest {

    @TempDir
    Path folder;

    @Test
    void everyBundledSampleIsImportedOnFirstStartOnly() {
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            int imported = SampleData.importOnFirstStart(workspace, Progress.NONE, Cancellation.NEVER);

            assertThat(imported).isEqualTo(SampleData.catalog().size()).isGreaterThanOrEqualTo(2);
            assertThat(workspace.datasets().list()).extracting(DatasetInfo::name)
                    .containsAll(SampleData.catalog().stream().map(SampleData.Entry::name).toList());
            DatasetInfo shop = workspace.datasets().require("teaching-shop");
            assertThat(shop.users()).isEqualTo(300);
            assertThat(shop.items()).isEqualTo(200);
            DatasetInfo retail = workspace.datasets().require("online-retail-sample");
            assertThat(retail.users()).isEqualTo(245);
            assertThat(retail.rowsSkipped()).isGreaterThan(40);

            workspace.datasets().delete("teaching-shop");
            assertThat(SampleData.importOnFirstStart(workspace, Progress.NONE, Cancellation.NEVER)).isZero();
            assertThat(workspace.datasets().find("teaching-shop")).isEmpty();
        }
    }
}
