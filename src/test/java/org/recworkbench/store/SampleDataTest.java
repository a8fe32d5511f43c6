package org.recworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
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

            assertSeedMatrix(workspace.datasets().load("article-001-3x4"), new float[][] {
                    {0, 1, 0, 0},
                    {1, 0, 1, 0},
                    {0, 1, 0, 1}});
            assertSeedMatrix(workspace.datasets().load("article-003-5x4"), new float[][] {
                    {1, 0, 0, 1},
                    {0, 1, 1, 0},
                    {1, 1, 0, 0},
                    {0, 0, 1, 1},
                    {0, 1, 0, 0}});
            assertSeedMatrix(workspace.datasets().load("article-003-vectors"), new float[][] {
                    {0.1f, 0.4f, 0.2f, 0.5f, 0.3f},
                    {0.2f, 0.5f, 0.3f, 0.6f, 0.4f}});
            Dataset pair = workspace.datasets().load("article-000-pair");
            assertThat(pair.kind()).isEqualTo(DatasetKind.EXPLICIT);
            assertSeedMatrix(pair, new float[][] {{3, 4}, {4, 5}});

            workspace.datasets().delete("teaching-shop");
            assertThat(SampleData.importOnFirstStart(workspace, Progress.NONE, Cancellation.NEVER)).isZero();
            assertThat(workspace.datasets().find("teaching-shop")).isEmpty();
        }
    }

    /** Rows and columns in the articles' order (users by first appearance, items by the item file); 0 = none. */
    private static void assertSeedMatrix(Dataset dataset, float[][] expected) {
        assertThat(dataset.userCount()).isEqualTo(expected.length);
        assertThat(dataset.itemCount()).isEqualTo(expected[0].length);
        for (int u = 0; u < expected.length; u++) {
            for (int i = 0; i < expected[u].length; i++) {
                float stored = dataset.ratings().value(u, i);
                assertThat(Float.isNaN(stored) ? 0f : stored)
                        .as("%s row %d column %d", dataset.name(), u + 1, i + 1).isEqualTo(expected[u][i]);
            }
        }
    }
}
